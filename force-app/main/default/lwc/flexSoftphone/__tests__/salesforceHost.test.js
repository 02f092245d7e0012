import { toId18 } from 'c/flexContract';
import { FlexBridgeError } from 'c/flexHostSdk';
import { CONTACT_ID, TASK_SID, activity as activityFixture } from './fixtures';
import { bridgeRecords, lastingSaveProblem, salesforceHandlers } from '../salesforceHost';
import { DEFAULT_TASK_FIELDS } from '../taskRecord';

const CONTACT = CONTACT_ID;
const LEAD = toId18('00Q000000000001');
const TASK = toId18('00T000000000001');
const SID = TASK_SID;

const activity = activityFixture();

/** uiRecordApi's error for a save Salesforce refused (the shape its promise rejects with). */
const saveError = (errorCode, message, field) => ({
    body: {
        output: field
            ? { errors: [], fieldErrors: { [field]: [{ errorCode, message }] } }
            : { errors: [{ errorCode, message }], fieldErrors: {} }
    }
});

function setup() {
    const apis = {
        searchRecords: jest.fn().mockResolvedValue([]),
        findLoggedTask: jest.fn().mockResolvedValue(null),
        createRecord: jest.fn().mockResolvedValue({ id: TASK }),
        updateRecord: jest.fn().mockResolvedValue({}),
        navigate: jest.fn(),
        showUtility: jest.fn().mockResolvedValue(true)
    };
    const handlers = salesforceHandlers(apis, {
        searchObjects: ['Contact', 'Lead'],
        taskFieldNames: DEFAULT_TASK_FIELDS
    });
    return { apis, handlers };
}

describe('Salesforce as the bridge host', () => {
    it('searches the configured objects with Apex and answers with valid records only', async () => {
        const { apis, handlers } = setup();
        apis.searchRecords.mockResolvedValue([
            { recordId: CONTACT, objectApiName: 'Contact', name: 'Ada Lovelace' },
            { recordId: LEAD, objectApiName: 'Lead', name: null },
            { recordId: 'not-an-id', objectApiName: 'Contact', name: 'x' },
            { recordId: CONTACT, objectApiName: 'Bad Name', name: 'x' }
        ]);
        await expect(handlers.search('+14155550123')).resolves.toEqual([
            { recordId: CONTACT, objectApiName: 'Contact', name: 'Ada Lovelace' },
            { recordId: LEAD, objectApiName: 'Lead', name: null }
        ]);
        expect(apis.searchRecords).toHaveBeenCalledWith({
            term: '+14155550123',
            objectApiNames: ['Contact', 'Lead']
        });
        expect(bridgeRecords(null)).toEqual([]);
    });

    it('opens a record page, and refuses what is not a Salesforce ID', () => {
        const { apis, handlers } = setup();
        handlers.openRecord({ recordId: CONTACT, objectApiName: 'Contact' });
        expect(apis.navigate).toHaveBeenCalledWith({
            type: 'standard__recordPage',
            attributes: { recordId: CONTACT, objectApiName: 'Contact', actionName: 'view' }
        });
        expect(() => handlers.openRecord({ recordId: 'CUS-1', objectApiName: null })).toThrow(
            FlexBridgeError
        );
        expect(apis.navigate).toHaveBeenCalledTimes(1);
    });

    it('saves an activity as a Task and acknowledges with its Id', async () => {
        const { apis, handlers } = setup();
        await expect(handlers.saveActivity(activity)).resolves.toBe(TASK);
        expect(apis.findLoggedTask).toHaveBeenCalledWith({ flexTaskSid: SID });
        expect(apis.createRecord).toHaveBeenCalledWith({
            apiName: 'Task',
            fields: expect.objectContaining({
                WhoId: CONTACT,
                Flex_Task_Sid__c: SID,
                Status: 'Completed'
            })
        });
    });

    it('a retry after a lost acknowledgement answers with the Task already written, and writes none', async () => {
        const { apis, handlers } = setup();
        apis.findLoggedTask.mockResolvedValue(TASK);
        await expect(handlers.saveActivity(activity)).resolves.toBe(TASK);
        expect(apis.createRecord).not.toHaveBeenCalled();
    });

    it('a save Salesforce refuses for good becomes a refusal the agent sees, with the fields', async () => {
        const { apis, handlers } = setup();
        apis.createRecord.mockRejectedValue(
            saveError(
                'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                'Disposition is required',
                'CallDisposition'
            )
        );
        const refusal = await handlers.saveActivity(activity).catch((error) => error);
        expect(refusal).toBeInstanceOf(FlexBridgeError);
        expect(refusal.code).toBe('REFUSED');
        expect(refusal.message).toBe('Disposition is required');
        expect(refusal.fields).toEqual(['CallDisposition']);
    });

    it('a passing failure (offline, a server error) is thrown as it is, so Flex retries', async () => {
        const { apis, handlers } = setup();
        const offline = new Error('Failed to fetch');
        apis.createRecord.mockRejectedValue(offline);
        await expect(handlers.saveActivity(activity)).rejects.toBe(offline);
        apis.findLoggedTask.mockRejectedValue(offline);
        await expect(handlers.saveActivity(activity)).rejects.toBe(offline);
        expect(lastingSaveProblem(saveError('UNABLE_TO_LOCK_ROW', 'busy'))).toBeNull();
    });

    it('adds late notes to the Task it saved for that Flex task, and writes nothing when there are none', async () => {
        const { apis, handlers } = setup();
        await handlers.saveActivity(activity);
        await handlers.updateActivity(
            TASK,
            { summary: 'Wants a refund', sentiment: 'negative' },
            SID
        );
        expect(apis.updateRecord).toHaveBeenCalledWith({
            fields: { Id: TASK, Description: 'Wants a refund', Flex_Sentiment__c: 'negative' }
        });
        // Known from this page's save: no look-up.
        expect(apis.findLoggedTask).toHaveBeenCalledTimes(1);
        await handlers.updateActivity(TASK, { summary: null }, SID);
        expect(apis.updateRecord).toHaveBeenCalledTimes(1);
        apis.updateRecord.mockRejectedValue(
            saveError('INSUFFICIENT_ACCESS_OR_READONLY', 'No access')
        );
        await expect(handlers.updateActivity(TASK, { summary: 'x' }, SID)).rejects.toMatchObject({
            code: 'REFUSED',
            message: 'No access'
        });
        const offline = new Error('offline');
        apis.updateRecord.mockRejectedValue(offline);
        await expect(handlers.updateActivity(TASK, { summary: 'x' }, SID)).rejects.toBe(offline);
    });

    it('after a reload, finds the Task by its Flex task SID before adding the notes', async () => {
        const { apis, handlers } = setup();
        apis.findLoggedTask.mockResolvedValue(TASK);
        // The 15-character form of the same Id is the same Task.
        await handlers.updateActivity(TASK.slice(0, 15), { summary: 'Wants a refund' }, SID);
        expect(apis.findLoggedTask).toHaveBeenCalledWith({ flexTaskSid: SID });
        expect(apis.updateRecord).toHaveBeenCalledWith({
            fields: { Id: TASK.slice(0, 15), Description: 'Wants a refund' }
        });
        const offline = new Error('offline');
        apis.findLoggedTask.mockRejectedValue(offline);
        await expect(
            handlers.updateActivity(TASK, { summary: 'Wants a refund' }, SID)
        ).rejects.toBe(offline);
    });

    const OTHER_SID = 'WTffffffffffffffffffffffffffffffff';
    const ACCOUNT = toId18('001000000000001');
    const OTHER_TASK = toId18('00T000000000002');
    /** Updates a script on Flex's origin, or an entry planted in the outbox's storage, could send. */
    const HOSTILE_UPDATES = [
        ['an Account', ACCOUNT, SID, TASK],
        ['a Contact', CONTACT, SID, TASK],
        ['a Lead', LEAD, SID, TASK],
        ['a Case', toId18('500000000000001'), SID, TASK],
        ['a User', toId18('005000000000001'), SID, TASK],
        ['a Task with a bad checksum', '00T000000000001ZZZ', SID, TASK],
        ['an id that is not an id', 'nope', SID, TASK],
        ['a Task logged for another Flex task', OTHER_TASK, SID, TASK],
        ['a Task no Flex task logged', OTHER_TASK, OTHER_SID, null],
        ['a Task without a Flex task SID (an older plugin)', TASK, null, TASK],
        ['a Task with a Flex task SID that is not one', TASK, "WT' OR Id != null", TASK]
    ];

    it.each(HOSTILE_UPDATES)(
        'refuses late notes for %s, with a reason, and writes nothing',
        async (_what, recordId, taskSid, loggedForSid) => {
            const { apis, handlers } = setup();
            apis.findLoggedTask.mockResolvedValue(loggedForSid);
            const refusal = await handlers
                .updateActivity(recordId, { summary: 'Overwritten', disposition: 'x' }, taskSid)
                .catch((error) => error);
            expect(refusal).toBeInstanceOf(FlexBridgeError);
            expect(refusal.code).toBe('REFUSED');
            expect(refusal.message.length).toBeGreaterThan(10);
            expect(apis.updateRecord).not.toHaveBeenCalled();
            expect(apis.createRecord).not.toHaveBeenCalled();
        }
    );

    it('writes only the note fields, whatever else the changes hold', async () => {
        const { apis, handlers } = setup();
        apis.findLoggedTask.mockResolvedValue(TASK);
        await handlers.updateActivity(
            TASK,
            { summary: 'ok', OwnerId: toId18('005000000000001'), WhatId: ACCOUNT, Id: ACCOUNT },
            SID
        );
        expect(apis.updateRecord).toHaveBeenCalledWith({ fields: { Id: TASK, Description: 'ok' } });
    });

    it('shows Flex by opening its utility', async () => {
        const { apis, handlers } = setup();
        await handlers.showFlex();
        expect(apis.showUtility).toHaveBeenCalled();
    });
});
