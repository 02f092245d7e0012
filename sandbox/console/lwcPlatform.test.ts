// The simulated org as the softphone LWC sees it without Open CTI: Apex search and look-up,
// createRecord/updateRecord with Salesforce's Task rules and uiRecordApi's error shape, faults.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { Faults } from './faults.ts';
import { IDS, createFixtures, type SandboxRecord } from './fixtures.ts';
import { createLwcPlatform, type LwcPlatform } from './lwcPlatform.ts';

const SID = 'WT0123456789abcdef0123456789abcdef';

describe('sandbox platform for the softphone LWC', () => {
    let records: SandboxRecord[];
    let faults: Faults;
    let opened: string[];
    let platform: LwcPlatform;
    beforeEach(() => {
        records = createFixtures();
        faults = new Faults();
        opened = [];
        platform = createLwcPlatform({
            records,
            faults,
            openRecord: (id) => {
                opened.push(id);
                return true;
            },
            refreshView: () => {}
        });
    });

    it('searches the listed objects only, as FlexRecordSearch.search answers', async () => {
        const found = (await platform.apex('FlexRecordSearch.search', {
            term: '+14155550123',
            objectApiNames: ['Contact', 'Lead']
        })) as { recordId: string; objectApiName: string }[];
        assert.deepEqual(found.map((match) => match.objectApiName).sort(), ['Contact', 'Lead']);
        assert.ok(found.some((match) => match.recordId === IDS.adaContact));
    });

    it('creates a Task once, and finds it again by the Flex task SID', async () => {
        assert.equal(
            await platform.apex('FlexRecordSearch.findLoggedTask', { flexTaskSid: SID }),
            null
        );
        const { id } = await platform.createRecord({
            apiName: 'Task',
            fields: { Subject: 'Inbound call', WhoId: IDS.adaContact, Flex_Task_Sid__c: SID }
        });
        assert.match(id, /^00T/);
        assert.equal(
            await platform.apex('FlexRecordSearch.findLoggedTask', { flexTaskSid: SID }),
            id
        );
        await platform.updateRecord({ fields: { Id: id, Description: 'Refund' } });
        assert.equal(records.find((record) => record.Id === id)?.fields.Description, 'Refund');
    });

    it("refuses a Task Salesforce would refuse, with uiRecordApi's field error", async () => {
        const error = await platform
            .createRecord({
                apiName: 'Task',
                fields: { Subject: 'x', WhoId: IDS.analyticalEngines }
            })
            .catch((caught: unknown) => caught);
        assert.deepEqual(
            (
                error as {
                    body: { output: { fieldErrors: Record<string, { errorCode: string }[]> } };
                }
            ).body.output.fieldErrors.WhoId?.[0]?.errorCode,
            'FIELD_INTEGRITY_EXCEPTION'
        );
    });

    it('fails, as armed, with a passing error; then works', async () => {
        faults.inject({ methodName: 'createRecord', mode: 'fail', count: 1 });
        const error = await platform
            .createRecord({ apiName: 'Task', fields: { Subject: 'x' } })
            .catch((caught: unknown) => caught);
        assert.equal((error as { status: number }).status, 503);
        assert.match(
            (await platform.createRecord({ apiName: 'Task', fields: { Subject: 'x' } })).id,
            /^00T/
        );
        assert.deepEqual(
            platform.calls.map((call) => call.method),
            ['createRecord', 'createRecord']
        );
    });

    it('navigates to a record page and keeps the utility item state', () => {
        platform.navigate({
            type: 'standard__recordPage',
            attributes: { recordId: IDS.graceContact }
        });
        assert.deepEqual(opened, [IDS.graceContact]);
        const seen: boolean[] = [];
        platform.utility.onChange((state) => seen.push(state.popOutDisabled));
        platform.utility.update({ label: 'Flex', popOutDisabled: true });
        platform.utility.open();
        assert.deepEqual(platform.utility.state(), {
            label: 'Flex',
            icon: '',
            highlighted: false,
            popOutDisabled: true,
            open: true
        });
        assert.deepEqual(seen, [true, true]);
    });
});
