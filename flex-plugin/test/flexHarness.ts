/*
 * Test harness: the real @twilio/flex-ui module (Actions, Notifications, TaskCanvas), with stand-ins
 * only where Flex needs Twilio's servers: the worker's tasks and the task actions that would call
 * TaskRouter or Voice (SetTaskAttributes, StartOutboundCall, AcceptTask, SelectTask, SetActivity), replaced
 * through Flex's own Actions.replaceAction. The Open CTI side is FakeOpenCti.
 */
import { EventEmitter } from 'events';
import * as Flex from '@twilio/flex-ui';
import { FakeConsoleToolkit, FakeOpenCti } from './fakes/fakeOpenCti';
import type { TaskLike } from '../src/tasks/taskView';

export const SALESFORCE_ORIGIN = 'https://acme.lightning.force.com';
/** The settings of an org that lists its own origin, as every install must. */
export const ENABLED_FOR_ORG = { enabled: true, allowed_origins: [SALESFORCE_ORIGIN] } as const;

export interface FakeState {
    tasks: Map<string, TaskLike>;
    selectedTaskSid?: string;
    activity: { name: string; available: boolean } | null;
    activeCall: unknown;
}

export interface Backend {
    setAttributes: { sid: string; attributes: Record<string, unknown>; mergeExisting: boolean }[];
    outboundCalls: { destination: string; taskAttributes?: Record<string, unknown> }[];
    failSetAttributes: number;
    failOutbound: number;
    /** The next CompleteTask calls that TaskRouter refuses. */
    failComplete: number;
    /** Every SetActivity TaskRouter received, by activity name. */
    activityChanges: string[];
    /** The next SetActivity calls that TaskRouter refuses. */
    failSetActivity: number;
    /** When set, StartOutboundCall stays pending until releaseOutbound() (a dial in progress). */
    holdOutbound: boolean;
    releaseOutbound: () => void;
}

export function makeBackend(): Backend {
    return {
        setAttributes: [],
        outboundCalls: [],
        failSetAttributes: 0,
        failOutbound: 0,
        failComplete: 0,
        activityChanges: [],
        failSetActivity: 0,
        holdOutbound: false,
        releaseOutbound: () => undefined
    };
}

/** The workspace's activities, as TaskRouter lists them. */
export const ACTIVITIES = new Map(
    [
        ['WA00000000000000000000000000000001', 'Available', true],
        ['WA00000000000000000000000000000002', 'Unavailable', false],
        ['WA00000000000000000000000000000003', 'Break', false],
        ['WA00000000000000000000000000000004', 'Offline', false]
    ].map(([sid, name, available]) => [sid as string, { sid, name, available }])
);

let counter = 0;
const hex = (n: number) => n.toString(16).padStart(32, '0');

export function makeTask(
    overrides: Partial<TaskLike> & { attributes?: Record<string, unknown> } = {}
): TaskLike {
    counter += 1;
    return {
        sid: `WR${hex(counter)}`,
        taskSid: `WT${hex(counter)}`,
        status: 'accepted',
        taskChannelUniqueName: 'voice',
        attributes: { direction: 'inbound', from: '+14155550100' },
        ...overrides
    };
}

export interface Harness {
    manager: Flex.Manager;
    state: FakeState;
    backend: Backend;
    openCti: FakeOpenCti;
    consoleToolkit: FakeConsoleToolkit;
    addTask(task: TaskLike, options?: { select?: boolean }): TaskLike;
    events: EventEmitter;
    /** What Flex's Redux store does after any change: tells its subscribers. */
    storeChanged(): void;
    /** Every manager.updateConfig call. */
    configUpdates: unknown[];
}

let current: Harness | null = null;

/** Installs the TaskRouter stand-ins once per test file; each test gets fresh state through `current`. */
function installBackend(): void {
    const active = () => {
        if (!current) throw new Error('no harness');
        return current;
    };
    Flex.Actions.replaceAction(
        'SetTaskAttributes',
        async (payload: {
            task: TaskLike;
            attributes: Record<string, unknown>;
            mergeExisting: boolean;
        }) => {
            const h = active();
            h.backend.setAttributes.push({
                sid: payload.task.sid,
                attributes: payload.attributes,
                mergeExisting: payload.mergeExisting
            });
            if (h.backend.failSetAttributes > 0) {
                h.backend.failSetAttributes -= 1;
                throw new Error('TaskRouter refused the update');
            }
            const task = h.state.tasks.get(payload.task.sid);
            if (!task) throw new Error(`no task ${payload.task.sid}`);
            task.attributes = payload.mergeExisting
                ? { ...task.attributes, ...payload.attributes }
                : payload.attributes;
        }
    );
    Flex.Actions.replaceAction(
        'StartOutboundCall',
        async (payload: { destination: string; taskAttributes?: Record<string, unknown> }) => {
            const h = active();
            h.backend.outboundCalls.push(payload);
            if (h.backend.failOutbound > 0) {
                h.backend.failOutbound -= 1;
                throw new Error('Voice refused the call');
            }
            if (h.backend.holdOutbound) {
                await new Promise<void>((resolve) => {
                    h.backend.releaseOutbound = resolve;
                });
            }
        }
    );
    // Flex resolves `{sid}` through its store; the tests pass `{task}`, which Flex also takes.
    Flex.Actions.replaceAction('AcceptTask', async (payload: { task: TaskLike }) => {
        payload.task.status = 'accepted';
    });
    Flex.Actions.replaceAction('CompleteTask', async (payload: { task: TaskLike }) => {
        const h = active();
        if (h.backend.failComplete > 0) {
            h.backend.failComplete -= 1;
            throw new Error('TaskRouter refused to complete the task');
        }
        payload.task.status = 'completed';
    });
    // TaskRouter's worker.update(activitySid): the store then shows the new activity.
    Flex.Actions.replaceAction('SetActivity', async (payload: { activitySid?: string }) => {
        const h = active();
        const activity = ACTIVITIES.get(payload.activitySid ?? '');
        if (!activity) throw new Error(`no activity ${String(payload.activitySid)}`);
        h.backend.activityChanges.push(activity.name as string);
        if (h.backend.failSetActivity > 0) {
            h.backend.failSetActivity -= 1;
            throw new Error('TaskRouter refused the activity');
        }
        h.state.activity = {
            name: activity.name as string,
            available: activity.available as boolean
        };
        h.storeChanged();
    });
    Flex.Actions.replaceAction('SelectTask', async (payload: { task: TaskLike }) => {
        active().state.selectedTaskSid = payload.task.sid;
    });
}

/**
 * Flex's store-backed helpers (SetActivity's payload step reads the worker's activities from it)
 * read Flex's internal FlexModule, which the real Manager binds to its store in
 * configureReduxStore. The harness binds it the same way, once, to a store that reads the
 * current harness. Private Flex API: flexHarness.test.ts checks the recipe.
 */
function bindFlexModule(): void {
    const store = {
        getState: () => current?.manager.store.getState() ?? {},
        subscribe: (listener: () => void) =>
            current?.manager.store.subscribe(listener) ?? (() => true),
        dispatch: (action: unknown) => action
    };
    const manager = Flex.Manager.prototype as unknown as {
        configureReduxStore(this: { _store: unknown }): void;
    };
    manager.configureReduxStore.call({ _store: store });
}

let installed = false;

export function createHarness(customData: unknown = {}): Harness {
    if (!installed) {
        installBackend();
        bindFlexModule();
        installed = true;
    }
    const state: FakeState = {
        tasks: new Map(),
        activity: { name: 'Available', available: true },
        activeCall: undefined
    };
    const events = new EventEmitter();
    const storeListeners = new Set<() => void>();
    const configUpdates: unknown[] = [];
    const manager = {
        updateConfig: (config: unknown) => configUpdates.push(config),
        store: {
            subscribe: (listener: () => void) => {
                storeListeners.add(listener);
                return () => storeListeners.delete(listener);
            },
            getState: () => ({
                flex: {
                    worker: {
                        tasks: state.tasks,
                        activity: state.activity,
                        activities: ACTIVITIES
                    },
                    config: { rejectPendingReservations: false },
                    view: { selectedTaskSid: state.selectedTaskSid },
                    phone: { activeCall: state.activeCall }
                }
            })
        },
        events,
        workerClient: { sid: 'WK00000000000000000000000000000001' },
        strings: {},
        configuration: { custom_data: customData }
    } as unknown as Flex.Manager;
    const openCti = new FakeOpenCti();
    const consoleToolkit = new FakeConsoleToolkit();
    const harness: Harness = {
        manager,
        state,
        backend: makeBackend(),
        openCti,
        consoleToolkit,
        events,
        configUpdates,
        storeChanged: () => storeListeners.forEach((listener) => listener()),
        addTask(task, options = {}) {
            state.tasks.set(task.sid, task);
            if (options.select) state.selectedTaskSid = task.sid;
            storeListeners.forEach((listener) => listener());
            return task;
        }
    };
    current = harness;
    return harness;
}

/** Lets pending promise callbacks and 0 ms timers (FakeOpenCti answers) run. */
export async function settle(rounds = 5): Promise<void> {
    for (let i = 0; i < rounds; i++) {
        await new Promise((resolve) => setTimeout(resolve, 0));
    }
}

/**
 * The softphone address Salesforce gives the frame, and a parent window: jsdom's page is
 * top-level, which the plugin rightly treats as not embedded. `framed: false` keeps it top-level.
 */
export function embedIn(
    origin: string | null,
    mode = 'Lightning',
    { framed = origin !== null }: { framed?: boolean } = {}
): void {
    const search =
        origin === null
            ? ''
            : `?mode=${mode}&isdtp=vw&sfdcIframeOrigin=${encodeURIComponent(origin)}`;
    window.history.replaceState(null, '', `/agent-desktop${search}`);
    const parent = framed ? ({} as Window) : window;
    Object.defineProperty(window, 'parent', { configurable: true, get: () => parent });
}

export function installOpenCti(
    openCti: FakeOpenCti | null,
    consoleToolkit: FakeConsoleToolkit | null = null
): void {
    const win = window as unknown as { sforce?: unknown };
    if (openCti) {
        win.sforce = consoleToolkit
            ? { opencti: openCti, console: consoleToolkit }
            : { opencti: openCti };
    } else {
        delete win.sforce;
    }
}

export function shownNotifications(): { id: string; context: Record<string, string> }[] {
    const notifications = Flex.Notifications as unknown as {
        activeNotifications: { id: string; context?: Record<string, string> }[];
    };
    return notifications.activeNotifications.map((n) => ({ id: n.id, context: n.context ?? {} }));
}

export function dismissAllNotifications(): void {
    for (const { id } of shownNotifications()) {
        Flex.Notifications.dismissNotificationById(id);
    }
}
