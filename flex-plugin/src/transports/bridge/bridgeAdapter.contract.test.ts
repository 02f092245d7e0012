// The CRM port contract, run against the bridge adapter with the real host SDK on the other end
// of the bridge, between a fake host page and the Flex frame inside it.
import { bridgedHost, hostSettings } from '../../../test/bridgedHost';
import { describeCrmPortContract } from '../../../test/crmPortContract';
import type { InteractionState } from '../../crm/crmPort';
import { bridgeAdapter } from './bridgeAdapter';

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 30));
const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describeCrmPortContract('host app (bridge, with the host SDK)', async () => {
    const bridged = await bridgedHost();
    stops.push(bridged.stop);
    const { app, connection } = bridged;
    const port = bridgeAdapter({ link: bridged.link, host: hostSettings() });
    return {
        port,
        records: {
            person: { recordId: 'CUS-1', objectApiName: 'Customer', name: 'Ada' },
            other: { recordId: 'TCK-7', objectApiName: 'Ticket', name: 'Broken router' }
        },
        clickNumber: (number, record) => void connection.dial(number, { record }),
        answerSearch: (query, records) => app.searches.set(query, records),
        openedRecords: () => app.opened,
        choose: (choice) =>
            void (choice === 'sync'
                ? connection.getState()
                : connection.linkRecord(choice.record, choice.taskSid)),
        sendMalformedChoice: () =>
            void connection
                .linkRecord({ recordId: '<script>', objectApiName: 'Customer', name: null })
                .catch(() => undefined),
        published: () => app.chooser as unknown as InteractionState[],
        activity: (id) => app.activities.get(id) as Record<string, unknown> | undefined,
        failNextSave: (how) => {
            app.failNext = how;
        },
        askActivity: (activity, basedOn) =>
            void connection.setActivity(activity, basedOn).catch(() => undefined),
        sendMalformedPresence: () =>
            void connection.setActivity('Break\u0000').catch(() => undefined),
        heardActivities: () =>
            app.presence.map((event): [string, string] => [event.activity, event.cause]),
        settle
    };
});
