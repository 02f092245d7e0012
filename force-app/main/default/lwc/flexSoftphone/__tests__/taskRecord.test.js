import { toId18 } from 'c/flexContract';
import { CONTACT_ID, TASK_SID, activity } from './fixtures';
import { noteFields, relationField, taskFields, DEFAULT_TASK_FIELDS } from '../taskRecord';

const CONTACT = CONTACT_ID;
const ACCOUNT = '001000000000001AAA';
const USER = '005000000000001AAA';
const SID = TASK_SID;

describe('the Task for an activity (as the Open CTI path writes it)', () => {
    it('an inbound call linked to a Contact: a completed call Task with WhoId and the task SID', () => {
        expect(taskFields(activity())).toEqual({
            Subject: 'Inbound call from +14155550123',
            Status: 'Completed',
            ActivityDate: '2026-12-04',
            TaskSubtype: 'Call',
            Type: 'Call',
            Phone: '+14155550123',
            CallType: 'Inbound',
            CallDurationInSeconds: 90,
            WhoId: CONTACT,
            Flex_Task_Sid__c: SID
        });
    });

    it('an outbound call about an Account relates by WhatId', () => {
        const fields = taskFields(activity({ direction: 'outbound', recordId: ACCOUNT }));
        expect(fields.CallType).toBe('Outbound');
        expect(fields.WhatId).toBe(ACCOUNT);
        expect(fields.WhoId).toBeUndefined();
    });

    it('a chat is a plain Task with no phone, call type or relation it cannot have', () => {
        const fields = taskFields(
            activity({ channel: 'chat', recordId: USER, durationSeconds: null })
        );
        expect(fields).toMatchObject({ TaskSubtype: 'Task', Type: 'Other' });
        for (const key of ['Phone', 'CallType', 'CallDurationInSeconds', 'WhoId', 'WhatId']) {
            expect(fields).not.toHaveProperty(key);
        }
    });

    it('ignores a record that is not a Salesforce ID, and clips long values', () => {
        const fields = taskFields(
            activity({ recordId: 'CUS-1', subject: 's'.repeat(300), summary: 'n'.repeat(40000) })
        );
        expect(fields.WhoId).toBeUndefined();
        expect(fields.WhatId).toBeUndefined();
        expect(fields.Subject).toHaveLength(255);
        expect(fields.Description).toHaveLength(32000);
    });

    it('writes the notes to the standard and the configured fields, or leaves a field off', () => {
        const notes = {
            summary: 'Wants a refund',
            disposition: 'Resolved',
            sentiment: 'positive',
            topics: 'Billing > Refunds'
        };
        expect(noteFields(notes, DEFAULT_TASK_FIELDS)).toEqual({
            Description: 'Wants a refund',
            CallDisposition: 'Resolved',
            Flex_Sentiment__c: 'positive',
            Flex_Topics__c: 'Billing > Refunds'
        });
        expect(noteFields(notes, { sentiment: null, topics: 'My_Topics__c' })).toEqual({
            Description: 'Wants a refund',
            CallDisposition: 'Resolved',
            My_Topics__c: 'Billing > Refunds'
        });
        expect(
            taskFields(activity(), { taskSid: null, sentiment: null, topics: null })
        ).not.toHaveProperty('Flex_Task_Sid__c');
    });

    it('relates people by WhoId, other records by WhatId, never users or activities', () => {
        expect(relationField(toId18('00Q000000000001'))).toBe('WhoId');
        expect(relationField('500000000000001AAA')).toBe('WhatId');
        expect(relationField(toId18('00T000000000001'))).toBeNull();
    });
});
