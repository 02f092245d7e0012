// A host app and Flex connected over the bridge for the plugin's tests: the real host SDK in a fake
// host page, Flex's side of the handshake in the fake frame inside it, Node's MessagePorts between.
import { MessageChannel } from 'worker_threads';
import {
    connectFlex,
    type FlexConnection
} from '../../packages/flex-host-sdk/src/hostConnection.ts';
import { refuse } from '../../packages/flex-host-sdk/src/index.ts';
import type {
    Activity,
    ActivityChanges,
    BridgeRecord,
    ChooserState
} from '../../packages/flex-host-sdk/src/protocol.ts';
import { createFakeFrames } from '../../packages/flex-host-sdk/test/fakeFrames.ts';
import { parseHostAppConfig, type HostAppSettings } from '../src/config/hostAppConfig';
import { waitForHost, type HostLink } from '../src/transports/bridge/hostLink';

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
        openedRecords: [] as { recordId: string; objectApiName: string | null }[],
        activities: new Map<string, Activity & ActivityChanges>(),
        chooser: [] as ChooserState[],
        presence: [] as { activity: string; cause: string }[],
        saves: 0,
        failNext: null as null | { kind: 'transient' } | { kind: 'refused'; field: string }
    };
    const waiting = waitForHost({
        window: frames.flex as unknown as Window,
        framedBy: HOST,
        allowedOrigins: host.allowedHostOrigins,
        handshakeTimeoutMs: 2000,
        onSlow: () => undefined,
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
        waitingAfterMs: 2000,
        handlers: {
            search: (query) => app.searches.get(query) ?? [],
            openRecord: (record) => {
                app.opened.push(record.recordId);
                app.openedRecords.push(record);
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
            updateActivity: (id, changes, taskSid) => {
                const saved = app.activities.get(id);
                // As the embedding guide asks: only an id this host gave that task's activity.
                if (!saved || saved.taskSid !== taskSid)
                    throw refuse(`no activity ${id} of ${taskSid}`);
                app.activities.set(id, { ...saved, ...changes });
            },
            showFlex: () => undefined
        }
    });
    connection.on('chooser', (state) => app.chooser.push(state));
    connection.on('presence', (presence) => app.presence.push(presence));
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
