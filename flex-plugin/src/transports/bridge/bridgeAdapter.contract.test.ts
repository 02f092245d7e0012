// The CRM port contract, run against the bridge adapter with the real host SDK on the other end
// of the bridge, between a fake host page and the Flex frame inside it.
import { MessageChannel } from 'worker_threads';
import {
    connectFlex,
    type FlexConnection
} from '../../../../packages/flex-host-sdk/src/hostConnection.ts';
import { refuse } from '../../../../packages/flex-host-sdk/src/index.ts';
import type {
    Activity,
    ActivityChanges,
    BridgeRecord,
    ChooserState
} from '../../../../packages/flex-host-sdk/src/protocol.ts';
import { createFakeFrames } from '../../../../packages/flex-host-sdk/test/fakeFrames.ts';
import { describeCrmPortContract } from '../../../test/crmPortContract';
import { parseHostAppConfig, type HostAppSettings } from '../../config/hostAppConfig';
import type { InteractionState } from '../../crm/crmPort';
import { bridgeAdapter } from './bridgeAdapter';
import { waitForHost, type HostLink } from './hostLink';

const HOST = 'https://crm.example.com';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function hostSettings(overrides: Record<string, unknown> = {}): HostAppSettings {
    const parsed = parseHostAppConfig({
        host_app_integration: {
            enabled: true,
            allowed_host_origins: [HOST],
            host_name: 'Acme CRM',
            ...overrides
        }
    });
    if (parsed.kind !== 'valid')
        throw new Error(`test configuration is invalid: ${JSON.stringify(parsed)}`);
    return parsed.host;
}

/** A host app and Flex, connected over the bridge; the host's side keeps what it was sent. */
export async function bridgedHost(host: HostAppSettings = hostSettings()) {
    const frames = createFakeFrames({ hostOrigin: HOST });
    const app = {
        searches: new Map<string, BridgeRecord[]>(),
        opened: [] as string[],
        activities: new Map<string, Activity & ActivityChanges>(),
        chooser: [] as ChooserState[],
        saves: 0,
        failNext: null as null | { kind: 'transient' } | { kind: 'refused'; field: string }
    };
    const waiting = waitForHost({
        window: frames.flex as unknown as Window,
        framedBy: HOST,
        allowedOrigins: host.allowedHostOrigins,
        handshakeTimeoutMs: 2000,
        requestTimeoutMs: 1000,
        log: quiet,
        welcome: {
            allowedActions: [...host.allowedActions],
            forwardedEvents: [...host.forwardedEvents]
        },
        createChannel: () => new MessageChannel()
    });
    const connection: FlexConnection = await connectFlex({
        iframe: frames.iframe as unknown as HTMLIFrameElement,
        flexOrigin: 'https://flex.twilio.com',
        window: frames.host as unknown as Window,
        handshakeTimeoutMs: 2000,
        handlers: {
            search: (query) => app.searches.get(query) ?? [],
            openRecord: (record) => {
                app.opened.push(record.recordId);
            },
            saveActivity: (activity) => {
                const failing = app.failNext;
                app.failNext = null;
                if (failing?.kind === 'transient') throw new Error('the database is busy');
                if (failing?.kind === 'refused')
                    throw refuse(`${failing.field} is not accepted`, [failing.field]);
                app.saves += 1;
                const id = `ACT-${app.saves}`;
                app.activities.set(id, activity);
                return id;
            },
            updateActivity: (id, changes) => {
                const saved = app.activities.get(id);
                if (!saved) throw refuse(`no activity ${id}`);
                app.activities.set(id, { ...saved, ...changes });
            },
            showFlex: () => undefined
        }
    });
    connection.on('chooser', (state) => app.chooser.push(state));
    const outcome = await waiting;
    if (outcome.kind !== 'connected') throw new Error(`no handshake: ${outcome.kind}`);
    return {
        frames,
        app,
        connection,
        link: outcome.link as HostLink,
        stop: () => {
            connection.destroy();
            outcome.link.stop();
        }
    };
}

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
        settle
    };
});
