// The CRM port contract, run against the Salesforce adapter over the Open CTI test double.
import {
    clearMessage,
    selectMessage,
    setFlexActivityMessage,
    syncMessage
} from '../../../../force-app/main/default/lwc/flexContract/flexContract.js';
import { describeCrmPortContract } from '../../../test/crmPortContract';
import { FakeConsoleToolkit, FakeOpenCti } from '../../../test/fakes/fakeOpenCti';
import { settle } from '../../../test/flexHarness';
import { parseIntegrationConfig, type IntegrationConfig } from '../../config/integrationConfig';
import { ConsoleToolkitClient } from './consoleToolkit';
import { OpenCtiClient } from './openCtiClient';
import { salesforceAdapter } from './salesforceAdapter';

const SELECTION = 'Flex_Record_Selection__c';
const INTERACTION = 'Flex_Interaction__c';
const PRESENCE = 'Flex_Presence__c';

function configuration(): IntegrationConfig {
    const parsed = parseIntegrationConfig({
        salesforce_integration: {
            enabled: true,
            allowed_origins: ['https://acme.lightning.force.com']
        }
    });
    if (parsed.kind !== 'valid') throw new Error('test configuration is invalid');
    return parsed.config;
}

describeCrmPortContract('Salesforce (Open CTI)', () => {
    const openCti = new FakeOpenCti();
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const port = salesforceAdapter({
        openCti: new OpenCtiClient(openCti, 2000),
        config: configuration(),
        log: quiet,
        loadConsoleToolkit: () =>
            Promise.resolve(new ConsoleToolkitClient(new FakeConsoleToolkit(), 2000))
    });
    return {
        port,
        records: {
            person: { recordId: '003000000000001AAA', objectApiName: 'Contact', name: 'Ada' },
            other: { recordId: '001000000000001AAA', objectApiName: 'Account', name: 'Acme' }
        },
        clickNumber: (number, record) =>
            openCti.clickToDial({
                number,
                ...(record
                    ? {
                          recordId: record.recordId,
                          objectType: record.objectApiName,
                          recordName: record.name
                      }
                    : {})
            }),
        answerSearch: (query, records) => {
            const previous = openCti.search;
            openCti.search = (searchParams) =>
                searchParams === query
                    ? Object.fromEntries(
                          records.map((r) => [
                              r.recordId,
                              { Id: r.recordId, Name: r.name, RecordType: r.objectApiName }
                          ])
                      )
                    : previous(searchParams);
        },
        openedRecords: () =>
            openCti
                .callsOf('screenPop')
                .map((args) => String((args.params as { recordId?: unknown }).recordId)),
        choose: (choice) =>
            openCti.deliver(
                SELECTION,
                choice === 'sync'
                    ? syncMessage()
                    : choice.record
                      ? selectMessage({
                            recordId: choice.record.recordId,
                            objectApiName: choice.record.objectApiName,
                            recordName: choice.record.name,
                            taskSid: choice.taskSid
                        })
                      : clearMessage(choice.taskSid)
            ),
        sendMalformedChoice: () => openCti.deliver(SELECTION, { action: 'select', extra: true }),
        published: () =>
            openCti.published
                .filter((each) => each.channelName === INTERACTION)
                .map((each) => each.message as never),
        activity: (id) => openCti.savedLogs.get(id),
        askActivity: (activity, basedOn) =>
            openCti.deliver(PRESENCE, setFlexActivityMessage(activity, basedOn)),
        sendMalformedPresence: () =>
            openCti.deliver(PRESENCE, { type: 'setFlexActivity', activity: 'Break' }),
        heardActivities: () =>
            openCti.published
                .filter((each) => each.channelName === PRESENCE)
                .map((each) => {
                    const message = each.message as { activity: string; cause: string };
                    return [message.activity, message.cause];
                }),
        failNextSave: (how) =>
            openCti.failNext(
                'saveLog',
                1,
                how.kind === 'transient'
                    ? { code: 'GENERIC_ERROR', description: 'Server busy' }
                    : {
                          code: 'GENERIC_ERROR',
                          description: 'invalid field',
                          details: [{ fieldName: how.field, statusCode: 'INVALID_FIELD' }]
                      }
            ),
        settle
    };
});
