import { DEFAULT_LOG_FIELDS } from '../../config/integrationConfig';
import { calendarDay } from '../../tasks/interactionSummary';
import { buildLogValue, notesFields, relationField, type LogInput } from './taskLog';
import { NOTE_FIELD_LIMITS, TASK_SID_LENGTH } from './taskFieldLimits';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import type { TaskLike } from '../../tasks/taskView';

const CONTACT = '003000000000002AAA';
const LEAD = '00Q000000000002EAA';
const ACCOUNT = '001000000000001AAA';
const CASE = '500000000000001AAA';

function task(overrides: Partial<TaskLike> & { attributes?: Record<string, unknown> }): TaskLike {
    return {
        sid: 'WR1',
        taskSid: 'WT1',
        status: 'completed',
        taskChannelUniqueName: 'voice',
        ...overrides,
        attributes: { direction: 'inbound', from: '+12125550142', ...overrides.attributes }
    };
}

function input(overrides: Partial<LogInput>): LogInput {
    return {
        task: task({}),
        endedAt: new Date('2026-11-21T15:30:00Z'),
        durationSeconds: 125.4,
        timeZone: 'UTC',
        notes: null,
        fields: DEFAULT_LOG_FIELDS,
        ...overrides
    };
}

describe('activity log value', () => {
    it('logs an inbound call against a Contact with every call field', () => {
        expect(
            buildLogValue(
                input({
                    task: task({
                        attributes: {
                            call_sid: 'CA123',
                            sfdcObjectId: CONTACT,
                            sfdcObjectType: 'Contact'
                        }
                    })
                })
            )
        ).toEqual({
            entityApiName: 'Task',
            Status: 'Completed',
            Subject: 'Inbound call from +12125550142',
            ActivityDate: '2026-11-21',
            TaskSubtype: 'Call',
            Type: 'Call',
            Phone: '+12125550142',
            CallType: 'Inbound',
            CallObject: 'CA123',
            CallDurationInSeconds: 125,
            WhoId: CONTACT,
            Flex_Task_Sid__c: 'WT1'
        });
    });

    it.each([
        ['a Contact', { sfdcObjectId: CONTACT, sfdcObjectType: 'Contact' }, { WhoId: CONTACT }],
        ['a Lead', { sfdcObjectId: LEAD, sfdcObjectType: 'Lead' }, { WhoId: LEAD }],
        ['an Account', { sfdcObjectId: ACCOUNT, sfdcObjectType: 'Account' }, { WhatId: ACCOUNT }],
        ['a Case', { sfdcObjectId: CASE, sfdcObjectType: 'Case' }, { WhatId: CASE }],
        ['a Lead set by a flow without a type', { sfdcObjectId: LEAD }, { WhoId: LEAD }],
        ['no record', {}, {}],
        ['an ID with a bad checksum', { sfdcObjectId: '003000000000002AAB' }, {}]
    ])('relates %s as it should', (_name, attributes, related) => {
        const value = buildLogValue(input({ task: task({ attributes }) }));
        expect({ WhoId: value.WhoId, WhatId: value.WhatId }).toEqual({
            WhoId: undefined,
            WhatId: undefined,
            ...related
        });
    });

    it.each([
        [
            'an outbound call',
            {
                taskChannelUniqueName: 'voice',
                attributes: { direction: 'outbound', outbound_to: '+16505550199' }
            },
            {
                Subject: 'Outbound call to +16505550199',
                CallType: 'Outbound',
                TaskSubtype: 'Call',
                Phone: '+16505550199'
            }
        ],
        [
            'a chat',
            {
                taskChannelUniqueName: 'chat',
                attributes: { channelType: 'web', from: 'Linda Keen' }
            },
            {
                Subject: 'Chat with Linda Keen',
                TaskSubtype: 'Task',
                Type: 'Other',
                Phone: undefined,
                CallType: undefined
            }
        ],
        [
            'an SMS',
            {
                taskChannelUniqueName: 'sms',
                attributes: { channelType: 'sms', from: '+14155550123' }
            },
            {
                Subject: 'SMS with +14155550123',
                TaskSubtype: 'Task',
                Phone: '+14155550123',
                CallType: undefined
            }
        ],
        [
            'a custom channel',
            { taskChannelUniqueName: 'email', attributes: { from: 'ada@example.com' } },
            {
                Subject: 'email task with ada@example.com',
                TaskSubtype: 'Task',
                CallObject: undefined
            }
        ]
    ])('names %s in a subject that does not depend on the locale', (_name, overrides, expected) => {
        const value = buildLogValue(input({ task: task(overrides) }));
        Object.entries(expected).forEach(([field, wanted]) => expect(value[field]).toBe(wanted));
    });

    it("uses the agent's choice in this softphone over the task attributes", () => {
        const withAttributes = task({
            attributes: { sfdcObjectId: CONTACT, sfdcObjectType: 'Contact' }
        });
        const chosen = buildLogValue(
            input({
                task: withAttributes,
                record: { recordId: CASE, objectApiName: 'Case', name: '00001026' }
            })
        );
        expect(chosen.WhatId).toBe(CASE);
        expect(chosen.WhoId).toBeUndefined();
        const none = buildLogValue(input({ task: withAttributes, record: null }));
        expect(none.WhoId).toBeUndefined();
        expect(none.WhatId).toBeUndefined();
    });

    it('puts copilot notes in Description, CallDisposition and the mapped custom fields', () => {
        const value = buildLogValue(
            input({
                notes: {
                    summary: 'Customer asked about the renewal.',
                    sentiment: 'positive',
                    dispositionCode: 'renewal_question',
                    topicPath: 'Billing > Renewal'
                },
                fields: { task_sid: 'Twilio_Sid__c', sentiment: 'Mood__c', topics: null }
            })
        );
        expect(value).toMatchObject({
            Description: 'Customer asked about the renewal.',
            CallDisposition: 'renewal_question',
            Twilio_Sid__c: 'WT1',
            Mood__c: 'positive'
        });
        ['Flex_Task_Sid__c', 'Flex_Sentiment__c', 'Flex_Topics__c'].forEach((field) =>
            expect(value).not.toHaveProperty(field)
        );
        expect(Object.values(value)).not.toContain('Billing > Renewal');
    });

    it('keeps fields within Salesforce’s lengths and durations whole and not negative', () => {
        const value = buildLogValue(
            input({
                task: task({ attributes: { from: 'x'.repeat(300) } }),
                notes: {
                    summary: 'y'.repeat(40000),
                    sentiment: null,
                    dispositionCode: null,
                    topicPath: null
                },
                durationSeconds: -3
            })
        );
        expect(String(value.Subject)).toHaveLength(255);
        expect(String(value.Phone)).toHaveLength(40);
        expect(String(value.Description)).toHaveLength(32000);
        expect(value.CallDurationInSeconds).toBe(0);
        expect(
            buildLogValue(input({ durationSeconds: null })).CallDurationInSeconds
        ).toBeUndefined();
    });
});

describe('ActivityDate', () => {
    const lateEvening = new Date('2026-11-21T23:30:00Z');
    it.each([
        ['UTC', '2026-11-21'],
        ['Europe/Berlin', '2026-11-22'],
        ['America/Los_Angeles', '2026-11-21'],
        ['Pacific/Kiritimati', '2026-11-22'],
        ['Not/AZone', '2026-11-21']
    ])('is the agent’s calendar day in %s', (zone, day) => {
        expect(calendarDay(lateEvening, zone)).toBe(day);
    });
});

test('the default field map names the Activity fields the package ships', () => {
    const shipped = readdirSync(
        path.join(__dirname, '../../../../force-app/main/default/objects/Activity/fields')
    ).map((file) => file.replace('.field-meta.xml', ''));
    expect(Object.values(DEFAULT_LOG_FIELDS).sort()).toEqual(shipped.sort());
});

test('the Copilot values are clipped to the lengths of the package fields that receive them', () => {
    const lengthOf = (field: string) => {
        const xml = readFileSync(
            path.join(
                __dirname,
                `../../../../force-app/main/default/objects/Activity/fields/${field}.field-meta.xml`
            ),
            'utf8'
        );
        return Number(/<length>(\d+)<\/length>/.exec(xml)?.[1]);
    };
    expect(lengthOf(DEFAULT_LOG_FIELDS.sentiment)).toBe(NOTE_FIELD_LIMITS.sentiment);
    expect(lengthOf(DEFAULT_LOG_FIELDS.topics)).toBe(NOTE_FIELD_LIMITS.topics);
    expect(lengthOf(DEFAULT_LOG_FIELDS.task_sid)).toBe(TASK_SID_LENGTH);

    const long = notesFields(
        {
            summary: 's'.repeat(40_000),
            sentiment: 'm'.repeat(500),
            dispositionCode: 'd'.repeat(500),
            topicPath: 't'.repeat(500)
        },
        DEFAULT_LOG_FIELDS
    );
    expect(long).toEqual({
        Description: 's'.repeat(32_000),
        CallDisposition: 'd'.repeat(255),
        [DEFAULT_LOG_FIELDS.sentiment]: 'm'.repeat(80),
        [DEFAULT_LOG_FIELDS.topics]: 't'.repeat(255)
    });
});

describe('relationField', () => {
    test.each([
        ['003000000000001AAA', 'WhoId'],
        ['00Q000000000001EAA', 'WhoId'],
        ['001000000000001AAA', 'WhatId'],
        ['500000000000001AAA', 'WhatId'],
        ['a0B000000000001AAA', 'WhatId'],
        ['005000000000001AAA', null],
        ['00T000000000001EAA', null],
        ['00U000000000001EAA', null]
    ])('%s → %s', (recordId, field) => {
        expect(relationField(recordId)).toBe(field);
    });

    test('a log linked to a User relates to nothing rather than being refused', () => {
        const value = buildLogValue(
            input({
                record: { recordId: '005000000000001AAA', objectApiName: 'User', name: 'Agent' }
            })
        );
        expect(value.WhoId).toBeUndefined();
        expect(value.WhatId).toBeUndefined();
    });
});
