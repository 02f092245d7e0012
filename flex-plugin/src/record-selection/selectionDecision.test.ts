import { makeTask } from '../../test/flexHarness';
import type { FlexSnapshot } from '../tasks/taskView';
import { validateInteractionMessage } from '../transports/salesforce/lmsContract';
import { linkedRecordOf } from '../transports/salesforce/recordLink';
import { choiceOf, MAX_MESSAGE_BYTES } from '../transports/salesforce/selectionMessage';
import { interactionState as interactionMessage } from './interactionMessage';
import { decideSelection as decideChoice } from './selectionDecision';

/** A raw LMS message, checked by the Salesforce adapter, then decided. */
const decideSelection = (message: unknown, flex: FlexSnapshot) =>
    decideChoice(choiceOf(message), flex);

const selected = makeTask({ status: 'accepted' });
const wrapping = makeTask({ status: 'wrapping' });
const snapshot: FlexSnapshot = {
    tasks: [selected, wrapping],
    selectedReservationSid: selected.sid,
    activity: { name: 'Available', available: true },
    hasActiveCall: false
};
const msg = (o: Record<string, unknown> = {}) => ({
    action: 'select',
    recordId: '003000000000001AAA',
    objectApiName: 'Contact',
    recordName: null,
    taskSid: null,
    ...o
});

describe('decideSelection', () => {
    test('select without taskSid targets the selected task', () => {
        expect(decideSelection(msg(), snapshot)).toEqual({
            kind: 'select',
            task: selected,
            ref: { recordId: '003000000000001AAA', objectApiName: 'Contact', name: null }
        });
    });

    test('select names a live task', () => {
        expect(decideSelection(msg({ taskSid: wrapping.taskSid }), snapshot)).toMatchObject({
            kind: 'select',
            task: wrapping
        });
    });

    test('clear and sync', () => {
        const clear = {
            action: 'clear',
            recordId: null,
            objectApiName: null,
            recordName: null,
            taskSid: null
        };
        expect(decideSelection(clear, snapshot)).toEqual({ kind: 'clear', task: selected });
        expect(decideSelection({ ...clear, action: 'sync' }, snapshot)).toEqual({ kind: 'sync' });
    });

    test.each([
        [msg({ recordId: '003000000000001AAB' }), 'INVALID_RECORD_ID'],
        [msg({ recordId: '003000000000001aaa' }), 'INVALID_RECORD_ID'],
        [msg({ recordId: '' }), 'INVALID_RECORD_ID'],
        [msg({ taskSid: `WT${'0'.repeat(32)}` }), 'UNKNOWN_TASK'],
        [msg({ action: 'delete' }), 'INVALID_MESSAGE'],
        [msg({ objectApiName: null }), 'INVALID_MESSAGE'],
        [{ ...msg(), __proto__: { evil: true }, extra: 1 }, 'INVALID_MESSAGE'],
        [msg({ recordName: 'x'.repeat(MAX_MESSAGE_BYTES) }), 'INVALID_MESSAGE'],
        [[msg()], 'INVALID_MESSAGE'],
        [undefined, 'INVALID_MESSAGE']
    ])('%j is refused with %s', (message, code) => {
        expect(decideSelection(message, snapshot)).toMatchObject({ kind: 'refuse', code });
    });

    test('a message that cannot be serialised is refused', () => {
        const circular: Record<string, unknown> = msg();
        circular.self = circular;
        expect(decideSelection(circular, snapshot)).toMatchObject({
            kind: 'refuse',
            code: 'INVALID_MESSAGE'
        });
    });

    test('no selected task and several live ones: unknown task', () => {
        expect(decideSelection(msg(), { ...snapshot, selectedReservationSid: null })).toMatchObject(
            {
                kind: 'refuse',
                code: 'UNKNOWN_TASK',
                taskSid: null
            }
        );
    });
});

describe('interactionMessage', () => {
    test('no task: every field present and null', () => {
        const message = interactionMessage(null, null);
        expect(validateInteractionMessage(message)).toEqual({ ok: true, value: message });
        expect(message).toEqual({
            taskSid: null,
            status: null,
            direction: null,
            channel: null,
            customer: null,
            candidates: [],
            selected: null,
            error: null
        });
    });

    test.each([
        [{ direction: 'inbound', from: '+14155550100', name: 'Ada' }, 'inbound', 'Ada'],
        [{ direction: 'inbound', from: '+14155550100' }, 'inbound', '+14155550100'],
        [
            {
                direction: 'outbound',
                outbound_to: '+14155550100',
                sfdcObjectId: '003000000000001AAA',
                sfdcObjectType: 'Contact',
                sfdcObjectName: 'Ada'
            },
            'outbound',
            'Ada'
        ],
        [{ direction: 'outbound', outbound_to: '+14155550100' }, 'outbound', '+14155550100'],
        [{ customerAddress: 'ada@example.com' }, null, 'ada@example.com']
    ])(
        '%j → direction %s, customer %s, valid against the contract',
        (attributes, direction, customer) => {
            const task = makeTask({ attributes, taskChannelUniqueName: 'chat' });
            // The link as the Salesforce adapter reads it: an outbound call is named by its record.
            const message = interactionMessage(task, {
                candidates: [],
                selected: linkedRecordOf(attributes),
                error: null
            });
            expect(message).toMatchObject({
                taskSid: task.taskSid,
                status: 'accepted',
                channel: 'chat',
                direction,
                customer
            });
            expect(validateInteractionMessage(message).ok).toBe(true);
        }
    );
});
