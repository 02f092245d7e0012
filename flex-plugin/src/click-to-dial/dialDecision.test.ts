import { makeTask } from '../../test/flexHarness';
import type { FlexSnapshot } from '../tasks/taskView';
import { dialRequestOf } from '../transports/salesforce/clickToDial';
import { linkAttributes } from '../transports/salesforce/recordLink';
import { decideDial as decide, type DialContext } from './dialDecision';
import { toE164 } from './phoneNumber';

describe('toE164', () => {
    test.each([
        ['(415) 555-0100', 'US', '+14155550100'],
        ['415.555.0100', 'US', '+14155550100'],
        ['+1 415 555 0100', 'GB', '+14155550100'],
        ['020 7946 0958', 'GB', '+442079460958'],
        ['+44 (0)20 7946 0958', 'US', '+442079460958'],
        ['06 12 34 56 78', 'FR', '+33612345678'],
        ['  +49 30 12345678  ', 'US', '+493012345678']
    ] as const)('%s with default %s → %s', (raw, country, e164) => {
        expect(toE164(raw, country)).toEqual({ ok: true, e164 });
    });

    test.each([
        ['call me', 'not-a-number'],
        ['123', 'not-a-number'],
        ['+1 555', 'not-a-number'],
        ['1'.repeat(65), 'not-a-number'],
        ['', 'empty'],
        ['   ', 'empty'],
        [null, 'empty'],
        [42, 'empty']
    ])('%j is refused (%s)', (raw, reason) => {
        expect(toE164(raw, 'US')).toEqual({ ok: false, reason });
    });
});

const idle: FlexSnapshot = {
    tasks: [],
    selectedReservationSid: null,
    activity: { name: 'Available', available: true },
    hasActiveCall: false
};
const context = (snapshot: Partial<FlexSnapshot> = {}, dialInProgress = false): DialContext => ({
    snapshot: { ...idle, ...snapshot },
    dialInProgress,
    defaultCountry: 'US'
});

/**
 * An Open CTI click, read by the Salesforce adapter, then decided; the record as the task
 * attributes the call would carry.
 */
function decideDial(payload: Record<string, unknown>, ctx: DialContext) {
    const decision = decide(dialRequestOf(payload), ctx);
    if (decision.kind !== 'call') {
        return decision;
    }
    const { record, attributes, ...call } = decision;
    return {
        ...call,
        taskAttributes: { ...attributes, ...(record ? linkAttributes(record) : {}) }
    };
}

describe('decideDial', () => {
    test('calls with the record as task attributes', () => {
        expect(
            decideDial(
                {
                    number: '415-555-0100',
                    recordId: '00Q000000000001EAA',
                    objectType: 'Lead',
                    recordName: 'L'
                },
                context()
            )
        ).toEqual({
            kind: 'call',
            destination: '+14155550100',
            taskAttributes: {
                sfdcObjectId: '00Q000000000001EAA',
                sfdcObjectType: 'Lead',
                sfdcObjectName: 'L'
            }
        });
    });

    test('a forged or missing record ID calls without a link', () => {
        expect(
            decideDial(
                { number: '415-555-0100', recordId: '003000000000001AAB', objectType: 'Contact' },
                context()
            )
        ).toEqual({
            kind: 'call',
            destination: '+14155550100',
            taskAttributes: {}
        });
    });

    test.each([
        [{ recordId: '001000000000001AAA', objectType: 'Contact' }],
        [{ recordId: '003000000000001AAA', objectType: 'Lead' }],
        [{ recordId: '003000000000001AAA', objectType: 'Invoice__c' }],
        [{ personAccount: true, contactId: '001000000000001AAA', objectType: 'Account' }]
    ])('an ID that contradicts its object (%j) calls without a link', (record) => {
        expect(decideDial({ number: '415-555-0100', ...record }, context())).toEqual({
            kind: 'call',
            destination: '+14155550100',
            taskAttributes: {}
        });
    });

    test('a person account links its person contact', () => {
        const decision = decideDial(
            {
                number: '415-555-0100',
                recordId: '001000000000001AAA',
                objectType: 'Account',
                personAccount: true,
                contactId: '003000000000001AAA',
                recordName: 'Grace'
            },
            context()
        );
        expect(decision.kind === 'call' && decision.taskAttributes).toEqual({
            sfdcObjectId: '003000000000001AAA',
            sfdcObjectType: 'Contact',
            sfdcObjectName: 'Grace'
        });
    });

    test('an unavailable but not offline agent may still call', () => {
        expect(
            decideDial(
                { number: '415-555-0100' },
                context({ activity: { name: 'Break', available: false } })
            ).kind
        ).toBe('call');
    });

    test.each([
        ['offline', context({ activity: { name: 'Offline', available: false } })],
        ['offline', context({ activity: null })],
        ['on-a-call', context({ hasActiveCall: true })],
        ['on-a-call', context({ tasks: [makeTask({ status: 'accepted' })] })],
        ['call-pending', context({ tasks: [makeTask({ status: 'pending' })] })],
        ['call-pending', context({}, true)]
    ])('refuses: %s', (reason, ctx) => {
        expect(decideDial({ number: '415-555-0100' }, ctx)).toEqual({
            kind: 'refuse',
            reason,
            number: '415-555-0100'
        });
    });

    test('a chat in progress does not block a call', () => {
        const chat = makeTask({ status: 'accepted', taskChannelUniqueName: 'chat' });
        expect(decideDial({ number: '415-555-0100' }, context({ tasks: [chat] })).kind).toBe(
            'call'
        );
    });

    test('a wrapping call does not block the next one', () => {
        expect(
            decideDial(
                { number: '415-555-0100' },
                context({ tasks: [makeTask({ status: 'wrapping' })] })
            ).kind
        ).toBe('call');
    });
});
