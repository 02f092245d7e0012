// Forged and malformed Flex_Record_Selection__c messages through the real handler (Open CTI
// subscription → decision → Flex Actions): any component in the org can publish on the channel.
// Each is refused with the contract's code; no task attribute is written, no prototype is
// polluted, and nothing throws.
import { idChecksum } from '../../../force-app/main/default/lwc/flexContract/flexContract.js';
import { makeTask, settle } from '../../test/flexHarness';
import { startWith, stopStarted } from '../../test/startedHarness';
import { choiceOf } from '../transports/salesforce/selectionMessage';
import { decideSelection } from './selectionDecision';

afterEach(stopStarted);

const CHANNEL = 'Flex_Record_Selection__c';
const id18 = (id15: string) => id15 + idChecksum(id15);
const CONTACT = id18('003000000000001');
const ACCOUNT = id18('001000000000001');
const LEAD = id18('00Q000000000001');
const CASE = id18('500000000000001');
const TASK_RECORD = id18('00T000000000001');
const USER = id18('005000000000001');
const OPPORTUNITY = id18('006000000000001');
const CUSTOM = id18('a0B000000000001');
const UNKNOWN_TASK = `WT${'f'.repeat(32)}`;

const select = (overrides: Record<string, unknown> = {}) => ({
    action: 'select',
    recordId: CONTACT,
    objectApiName: 'Contact',
    recordName: 'Ada Lovelace',
    taskSid: null,
    ...overrides
});
const clear = (overrides: Record<string, unknown> = {}) => ({
    action: 'clear',
    recordId: null,
    objectApiName: null,
    recordName: null,
    taskSid: null,
    ...overrides
});
const sync = (overrides: Record<string, unknown> = {}) => clear({ action: 'sync', ...overrides });
const without = (field: string) =>
    Object.fromEntries(Object.entries(select()).filter(([key]) => key !== field));
/** JSON text as it arrives from another frame: `__proto__` is then an own key, not the prototype. */
const raw = (json: string): unknown => JSON.parse(json);

type Code = 'INVALID_MESSAGE' | 'INVALID_RECORD_ID' | 'UNKNOWN_TASK';

const FORGED: [string, unknown, Code][] = [
    // Not a message object.
    ['null', null, 'INVALID_MESSAGE'],
    ['a number', 42, 'INVALID_MESSAGE'],
    ['zero', 0, 'INVALID_MESSAGE'],
    ['true', true, 'INVALID_MESSAGE'],
    ['false', false, 'INVALID_MESSAGE'],
    ['an empty string', '', 'INVALID_MESSAGE'],
    ['a string', `select ${CONTACT}`, 'INVALID_MESSAGE'],
    ['HTML', '<img src=x onerror=alert(1)>', 'INVALID_MESSAGE'],
    ['an empty array', [], 'INVALID_MESSAGE'],
    ['an array of a message', [select()], 'INVALID_MESSAGE'],
    ['an empty object', {}, 'INVALID_MESSAGE'],
    // Fields missing or extra.
    ['no action', without('action'), 'INVALID_MESSAGE'],
    ['no recordId', without('recordId'), 'INVALID_MESSAGE'],
    ['no objectApiName', without('objectApiName'), 'INVALID_MESSAGE'],
    ['no recordName', without('recordName'), 'INVALID_MESSAGE'],
    ['no taskSid', without('taskSid'), 'INVALID_MESSAGE'],
    ['an extra field', { ...select(), extra: 1 }, 'INVALID_MESSAGE'],
    ['an Id field', { ...select(), Id: CONTACT }, 'INVALID_MESSAGE'],
    ['a constructor field', { ...select(), constructor: {} }, 'INVALID_MESSAGE'],
    ['a prototype field', { ...select(), prototype: { polluted: true } }, 'INVALID_MESSAGE'],
    [
        'a __proto__ key',
        raw(`{"__proto__":{"polluted":true},${JSON.stringify(select()).slice(1)}`),
        'INVALID_MESSAGE'
    ],
    [
        'a __proto__ key only',
        raw('{"__proto__":{"polluted":true,"action":"select"}}'),
        'INVALID_MESSAGE'
    ],
    [
        'a nested constructor.prototype',
        raw(`{"constructor":{"prototype":{"polluted":true}},${JSON.stringify(select()).slice(1)}`),
        'INVALID_MESSAGE'
    ],
    // The action.
    ['action SELECT', select({ action: 'SELECT' }), 'INVALID_MESSAGE'],
    ['action delete', select({ action: 'delete' }), 'INVALID_MESSAGE'],
    ['action empty', select({ action: '' }), 'INVALID_MESSAGE'],
    ['action null', select({ action: null }), 'INVALID_MESSAGE'],
    ['action a number', select({ action: 1 }), 'INVALID_MESSAGE'],
    ['action in an array', select({ action: ['select'] }), 'INVALID_MESSAGE'],
    ['action an object', select({ action: { toString: 'select' } }), 'INVALID_MESSAGE'],
    ['action with a space', select({ action: 'select ' }), 'INVALID_MESSAGE'],
    // The record ID of a select.
    ['recordId null', select({ recordId: null }), 'INVALID_RECORD_ID'],
    ['recordId empty', select({ recordId: '' }), 'INVALID_RECORD_ID'],
    ['recordId one character', select({ recordId: 'x' }), 'INVALID_RECORD_ID'],
    ['recordId 14 characters', select({ recordId: '00300000000000' }), 'INVALID_RECORD_ID'],
    ['recordId 16 characters', select({ recordId: '0030000000000011' }), 'INVALID_RECORD_ID'],
    ['recordId 17 characters', select({ recordId: '00300000000000111' }), 'INVALID_RECORD_ID'],
    ['recordId 19 characters', select({ recordId: `${CONTACT}A` }), 'INVALID_RECORD_ID'],
    ['recordId bad checksum', select({ recordId: '003000000000001AAB' }), 'INVALID_RECORD_ID'],
    [
        'recordId lower-case checksum',
        select({ recordId: '003000000000001aaa' }),
        'INVALID_RECORD_ID'
    ],
    ['recordId with a space', select({ recordId: '003000000000 01AAA' }), 'INVALID_RECORD_ID'],
    ['recordId with a dash', select({ recordId: '003-00000000001AAA' }), 'INVALID_RECORD_ID'],
    ['recordId with unicode', select({ recordId: '00300000000000١AAA' }), 'INVALID_RECORD_ID'],
    ['recordId a number', select({ recordId: 3000000000001 }), 'INVALID_RECORD_ID'],
    ['recordId an array', select({ recordId: [CONTACT] }), 'INVALID_RECORD_ID'],
    ['recordId an object', select({ recordId: { id: CONTACT } }), 'INVALID_RECORD_ID'],
    ['recordId a path', select({ recordId: `../${CONTACT}` }), 'INVALID_RECORD_ID'],
    // A valid ID of another object.
    ['an Account ID as a Contact', select({ recordId: ACCOUNT }), 'INVALID_RECORD_ID'],
    ['a Lead ID as a Contact', select({ recordId: LEAD }), 'INVALID_RECORD_ID'],
    [
        'a Contact ID as a Lead',
        select({ recordId: CONTACT, objectApiName: 'Lead' }),
        'INVALID_RECORD_ID'
    ],
    [
        'a Case ID as an Account',
        select({ recordId: CASE, objectApiName: 'Account' }),
        'INVALID_RECORD_ID'
    ],
    [
        'a Task ID as an Opportunity',
        select({ recordId: TASK_RECORD, objectApiName: 'Opportunity' }),
        'INVALID_RECORD_ID'
    ],
    ['a User ID as a Contact', select({ recordId: USER }), 'INVALID_RECORD_ID'],
    [
        'an Opportunity ID as a Case',
        select({ recordId: OPPORTUNITY, objectApiName: 'Case' }),
        'INVALID_RECORD_ID'
    ],
    [
        'an Account ID as a custom object',
        select({ recordId: ACCOUNT, objectApiName: 'Invoice__c' }),
        'INVALID_RECORD_ID'
    ],
    [
        'a custom record as a Contact',
        select({ recordId: CUSTOM, objectApiName: 'Contact' }),
        'INVALID_RECORD_ID'
    ],
    [
        'a Contact ID as constructor',
        select({ recordId: CONTACT, objectApiName: 'constructor' }),
        'INVALID_RECORD_ID'
    ],
    // The object name.
    ['objectApiName null', select({ objectApiName: null }), 'INVALID_MESSAGE'],
    ['objectApiName empty', select({ objectApiName: '' }), 'INVALID_MESSAGE'],
    [
        'objectApiName starting with a digit',
        select({ objectApiName: '1Contact' }),
        'INVALID_MESSAGE'
    ],
    ['objectApiName with a space', select({ objectApiName: 'Contact Us' }), 'INVALID_MESSAGE'],
    ['objectApiName HTML', select({ objectApiName: '<b>Contact</b>' }), 'INVALID_MESSAGE'],
    ['objectApiName too long', select({ objectApiName: `C${'x'.repeat(80)}` }), 'INVALID_MESSAGE'],
    ['objectApiName a number', select({ objectApiName: 3 }), 'INVALID_MESSAGE'],
    ['objectApiName an object', select({ objectApiName: {} }), 'INVALID_MESSAGE'],
    ['objectApiName __proto__', select({ objectApiName: '__proto__' }), 'INVALID_MESSAGE'],
    // The record name.
    ['recordName 256 characters', select({ recordName: 'x'.repeat(256) }), 'INVALID_MESSAGE'],
    ['recordName a number', select({ recordName: 7 }), 'INVALID_MESSAGE'],
    ['recordName an object', select({ recordName: { first: 'Ada' } }), 'INVALID_MESSAGE'],
    ['recordName an array', select({ recordName: ['Ada'] }), 'INVALID_MESSAGE'],
    ['recordName true', select({ recordName: true }), 'INVALID_MESSAGE'],
    // The task.
    ['taskSid a reservation SID', select({ taskSid: `WR${'0'.repeat(32)}` }), 'INVALID_MESSAGE'],
    ['taskSid too short', select({ taskSid: 'WT0123' }), 'INVALID_MESSAGE'],
    ['taskSid upper-case hex', select({ taskSid: `WT${'A'.repeat(32)}` }), 'INVALID_MESSAGE'],
    ['taskSid empty', select({ taskSid: '' }), 'INVALID_MESSAGE'],
    ['taskSid a number', select({ taskSid: 1 }), 'INVALID_MESSAGE'],
    ['taskSid an object', select({ taskSid: {} }), 'INVALID_MESSAGE'],
    ['taskSid not one of the agent tasks', select({ taskSid: UNKNOWN_TASK }), 'UNKNOWN_TASK'],
    // clear and sync carry nulls only.
    ['clear with a recordId', clear({ recordId: CONTACT }), 'INVALID_MESSAGE'],
    ['clear with a bad recordId', clear({ recordId: 'x' }), 'INVALID_MESSAGE'],
    ['clear with an objectApiName', clear({ objectApiName: 'Contact' }), 'INVALID_MESSAGE'],
    ['clear with a recordName', clear({ recordName: 'Ada' }), 'INVALID_MESSAGE'],
    ['clear with a bad task SID', clear({ taskSid: 'WT1' }), 'INVALID_MESSAGE'],
    ['clear of an unknown task', clear({ taskSid: UNKNOWN_TASK }), 'UNKNOWN_TASK'],
    ['sync with a recordId', sync({ recordId: CONTACT }), 'INVALID_MESSAGE'],
    [
        'sync with a mismatched record',
        sync({ recordId: ACCOUNT, objectApiName: 'Contact' }),
        'INVALID_MESSAGE'
    ],
    ['sync with a recordName', sync({ recordName: 'Ada' }), 'INVALID_MESSAGE'],
    ['sync with an extra field', { ...sync(), extra: true }, 'INVALID_MESSAGE'],
    // Size.
    ['an oversized name', select({ recordName: 'x'.repeat(5000) }), 'INVALID_MESSAGE'],
    ['an oversized extra field', { ...select(), padding: 'x'.repeat(10_000) }, 'INVALID_MESSAGE']
];

describe('forged record selections', () => {
    test('the corpus has at least 80 messages', () => {
        expect(FORGED.length).toBeGreaterThanOrEqual(80);
    });

    test.each(FORGED)('%s is refused', async (_, message, code) => {
        const s = await startWith();
        const task = s.addTask(
            makeTask({ attributes: { direction: 'inbound', from: '+14155550100' } }),
            { select: true }
        );
        const attributesBefore: unknown = JSON.parse(JSON.stringify(task.attributes));
        expect(() =>
            decideSelection(choiceOf(message), s.integration.context.snapshot())
        ).not.toThrow();

        s.openCti.deliver(CHANNEL, message);
        await settle();

        expect(s.lastInteraction()?.error?.code).toBe(code);
        expect(s.backend.setAttributes).toEqual([]);
        expect(task.attributes).toEqual(attributesBefore);
        expect(s.integration.context.links.selected(task)).toBeNull();
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
        expect(s.logLines.filter((line) => line.startsWith('error'))).toEqual([]);
    });
});
