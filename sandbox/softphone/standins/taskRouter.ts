// Stand-in for the TaskRouter JS SDK (twilio-taskrouter 2.x): a Worker with Activities, Reservations
// and Tasks that behave like the SDK's objects (same fields, methods, events and state changes), so
// Flex's own worker listener, reducers, task list, TaskHelper and task actions run unchanged.
// What TaskRouter's servers would decide (a caller hangs up, a task is routed to this worker) is
// driven from outside through the `TaskRouterSwitchboard`.
import { Emitter } from './emitter.ts';
import {
    SandboxIncomingTransfer,
    SandboxOutgoingTransfer,
    type TransferMode,
    type TransferType
} from './taskTransfer.ts';

export type ReservationStatus =
    | 'pending'
    | 'accepted'
    | 'rejected'
    | 'timeout'
    | 'canceled'
    | 'rescinded'
    | 'wrapping'
    | 'completed';
/** A reservation in one of these has left the worker for good. */
export const FINISHED_STATUSES: readonly ReservationStatus[] = [
    'completed',
    'rejected',
    'timeout',
    'canceled',
    'rescinded'
];
export type TaskStatus =
    'pending' | 'reserved' | 'assigned' | 'canceled' | 'completed' | 'wrapping';
export type Attributes = Record<string, unknown>;
/** The SDK events each object emits (taskRouter.types.ts checks them against the SDK's). */
export type WorkerEventName =
    'activityUpdated' | 'attributesUpdated' | 'disconnected' | 'reservationCreated';
export type ReservationEventName = Exclude<ReservationStatus, 'pending' | 'wrapping'> | 'wrapup';
export type TaskEventName = 'updated' | 'completed' | 'canceled' | 'wrapup' | 'transferInitiated';

const ACCOUNT_SID = 'AC' + '0'.repeat(32);
const WORKSPACE_SID = 'WS' + '0'.repeat(31) + '1';
export const SANDBOX_QUEUE_SID = 'WQ' + '0'.repeat(31) + '1';
export const SANDBOX_WORKFLOW_SID = 'WW' + '0'.repeat(31) + '1';

let sidCounter = 0;
/** A Twilio-shaped SID (two letters, 32 hex digits), unique in this page. */
export function nextSid(prefix: string): string {
    sidCounter += 1;
    const random = Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) =>
        byte.toString(16).padStart(2, '0')
    ).join('');
    return prefix + sidCounter.toString(16).padStart(8, '0') + random;
}

/** The SDK answers after a round trip to TaskRouter; callers must not rely on synchronous state. */
function roundTrip(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

export class SandboxActivity {
    readonly accountSid = ACCOUNT_SID;
    readonly workspaceSid = WORKSPACE_SID;
    readonly dateCreated = new Date();
    dateUpdated = new Date();

    readonly sid: string;
    readonly name: string;
    readonly available: boolean;
    private readonly worker: SandboxWorker;

    constructor(worker: SandboxWorker, sid: string, name: string, available: boolean) {
        this.worker = worker;
        this.sid = sid;
        this.name = name;
        this.available = available;
    }

    get isCurrent(): boolean {
        return this.worker.activity === this;
    }

    async setAsCurrent(): Promise<SandboxActivity> {
        await roundTrip();
        this.worker.changeActivity(this);
        return this;
    }
}

export class SandboxTask extends Emitter<TaskEventName> {
    readonly addOns = {};
    readonly dateCreated = new Date();
    dateUpdated = new Date();
    readonly priority = 0;
    readonly queueName = 'Sandbox queue';
    readonly queueSid = SANDBOX_QUEUE_SID;
    readonly reason = '';
    readonly taskChannelSid: string;
    readonly timeout = 86400;
    readonly transfers: {
        incoming: SandboxIncomingTransfer | null;
        outgoing: SandboxOutgoingTransfer | null;
    } = { incoming: null, outgoing: null };
    readonly workflowName = 'Sandbox workflow';
    readonly workflowSid = SANDBOX_WORKFLOW_SID;
    readonly version = '0';
    readonly virtualStartTime = new Date();
    status: TaskStatus = 'reserved';
    /** Flex compares attribute objects by identity; every change replaces the object. */
    attributes: Attributes;
    /** How many times an attribute write reached "TaskRouter" (tests and the benchmark read it). */
    attributeWrites = 0;

    readonly sid: string;
    readonly taskChannelUniqueName: string;
    /** The worker a task was created for (Flex's outbound calls), '' when routed by a workflow. */
    readonly routingTarget: string;
    /**
     * The reservation that brought this view of the task to its worker: each worker holding a
     * reservation on a task sees it through its own Task object, as with the SDK.
     */
    reservationSid = '';
    /** Where TaskRouter keeps this task's state for every worker (transfers, shared writes). */
    workspace: SandboxWorkspace | null = null;

    constructor(
        sid: string,
        attributes: Attributes,
        taskChannelUniqueName: string,
        routingTarget = ''
    ) {
        super();
        this.sid = sid;
        this.taskChannelUniqueName = taskChannelUniqueName;
        this.routingTarget = routingTarget;
        this.attributes = { ...attributes };
        this.taskChannelSid = 'TC' + taskChannelUniqueName.padEnd(32, '0').slice(0, 32);
    }

    get age(): number {
        return Math.floor((Date.now() - this.dateCreated.getTime()) / 1000);
    }

    /** Replaces all attributes, as TaskRouter's Task.setAttributes does. */
    async setAttributes(attributes: Attributes): Promise<SandboxTask> {
        await roundTrip();
        this.attributes = JSON.parse(JSON.stringify(attributes)) as Attributes;
        this.attributeWrites += 1;
        this.touch();
        this.announce('updated', this);
        // TaskRouter tells every other worker holding this task.
        this.workspace?.shareAttributes(this);
        return this;
    }

    async complete(): Promise<SandboxTask> {
        await roundTrip();
        this.status = 'completed';
        this.touch();
        this.announce('completed', this);
        return this;
    }

    async wrapUp(): Promise<SandboxTask> {
        await roundTrip();
        this.status = 'wrapping';
        this.touch();
        this.announce('wrapup', this);
        return this;
    }

    async hold(): Promise<SandboxTask> {
        await roundTrip();
        return this;
    }

    async kick(): Promise<SandboxTask> {
        await roundTrip();
        return this;
    }

    /**
     * The SDK's transfer: to a Worker (`WK…`) or a TaskQueue (`WQ…`) SID, `WARM` unless told
     * `COLD`; `attributes` replace the task's. The receiving worker gets a new reservation on this
     * same task; this view gets `transfers.outgoing` and emits `transferInitiated`.
     */
    async transfer(
        to: string,
        options: { mode?: TransferMode; attributes?: object; priority?: number } = {}
    ): Promise<SandboxTask> {
        if (typeof to !== 'string') {
            throw new TypeError(
                'Error calling method transfer(). <string>to is a required parameter.'
            );
        }
        await roundTrip();
        if (!this.workspace) throw new Error(`Task ${this.sid} is not in a workspace.`);
        this.workspace.transfer(this, to, options);
        return this;
    }

    async updateParticipant(): Promise<SandboxTask> {
        await roundTrip();
        return this;
    }

    async setVirtualStartTime(): Promise<SandboxTask> {
        return this;
    }

    async fetchLatestVersion(): Promise<SandboxTask> {
        return this;
    }

    touch(): void {
        this.dateUpdated = new Date();
    }
}

export class SandboxReservation extends Emitter<ReservationEventName> {
    readonly accountSid = ACCOUNT_SID;
    readonly workspaceSid = WORKSPACE_SID;
    readonly dateCreated = new Date();
    dateUpdated = new Date();
    readonly timeout = 120;
    readonly version = '0';
    status: ReservationStatus = 'pending';

    readonly sid: string;
    readonly task: SandboxTask;
    readonly workerSid: string;
    /** Set when a transfer brought this reservation (the SDK's `reservation.transfer`). */
    transfer: SandboxIncomingTransfer | null = null;
    private readonly onFinished: (reservation: SandboxReservation) => void;

    constructor(
        sid: string,
        task: SandboxTask,
        workerSid: string,
        onFinished: (reservation: SandboxReservation) => void
    ) {
        super();
        this.sid = sid;
        this.task = task;
        this.workerSid = workerSid;
        this.onFinished = onFinished;
        task.reservationSid = sid;
    }

    /** Moves to a new status and emits the SDK's event for it; a finished one leaves the worker. */
    transition(status: Exclude<ReservationStatus, 'pending'>, taskStatus?: TaskStatus): void {
        if (this.status === status) {
            return;
        }
        this.status = status;
        this.dateUpdated = new Date();
        if (taskStatus) {
            this.task.status = taskStatus;
            this.task.touch();
        }
        this.announce(status === 'wrapping' ? 'wrapup' : status, this);
        if (taskStatus === 'wrapping') {
            this.task.announce('wrapup', this.task);
        } else if (taskStatus === 'completed' || taskStatus === 'canceled') {
            this.task.announce(taskStatus, this.task);
        }
        if (FINISHED_STATUSES.includes(status)) {
            this.onFinished(this);
        }
    }

    private async move(
        allowedFrom: ReservationStatus[],
        status: Exclude<ReservationStatus, 'pending'>,
        taskStatus?: TaskStatus
    ): Promise<SandboxReservation> {
        await roundTrip();
        if (!allowedFrom.includes(this.status)) {
            throw new Error(
                `Reservation ${this.sid} is ${this.status}; it cannot become ${status}.`
            );
        }
        this.transition(status, taskStatus);
        return this;
    }

    accept(): Promise<SandboxReservation> {
        return this.move(['pending'], 'accepted', 'assigned');
    }

    /** Voice tasks are accepted by joining the conference with the customer. */
    conference(): Promise<SandboxReservation> {
        return this.move(['pending'], 'accepted', 'assigned');
    }

    reject(): Promise<SandboxReservation> {
        return this.move(['pending'], 'rejected', 'pending');
    }

    wrap(): Promise<SandboxReservation> {
        return this.move(['accepted'], 'wrapping', 'wrapping');
    }

    complete(): Promise<SandboxReservation> {
        return this.move(['accepted', 'wrapping'], 'completed', 'completed');
    }

    async call(): Promise<SandboxReservation> {
        return this;
    }

    async dequeue(): Promise<SandboxReservation> {
        return this.conference();
    }

    async redirect(): Promise<SandboxReservation> {
        return this;
    }

    async updateParticipant(): Promise<SandboxReservation> {
        await roundTrip();
        return this;
    }

    async fetchLatestVersion(): Promise<SandboxReservation> {
        return this;
    }
}

export interface OfferedTask {
    attributes: Attributes;
    channel: 'voice' | 'chat' | 'sms' | 'default';
    routingTarget?: string;
}

export class SandboxWorker extends Emitter<WorkerEventName> {
    readonly accountSid = ACCOUNT_SID;
    readonly workspaceSid = WORKSPACE_SID;
    readonly sid: string;
    readonly name = 'sandbox.agent';
    readonly friendlyName = 'Sandbox Agent';
    readonly dateCreated = new Date();
    dateUpdated = new Date();
    dateStatusChanged = new Date();
    dateActivityChanged = new Date();
    readonly connectActivitySid: string;
    readonly disconnectActivitySid: string;
    readonly channels = new Map<string, never>();
    readonly reservations = new Map<string, SandboxReservation>();
    readonly activities = new Map<string, SandboxActivity>();
    version = '0';
    /**
     * The agent's phone is outside the browser (an external `contact_uri`), as Flex allows; the
     * sandbox has no WebRTC voice client, so calls are simulated by the switchboard.
     */
    attributes: Attributes = {
        contact_uri: '+15550100000',
        full_name: 'Sandbox Agent',
        email: 'agent@sandbox.invalid',
        roles: ['agent']
    };
    activity: SandboxActivity;

    /** One sandbox agent: the same worker SID on every load, as a real worker keeps its SID. */
    static readonly AGENT_SID = 'WK' + '5a4db0c5'.padEnd(32, '0');
    /** The workspace whose tasks this worker is offered, with the other workers in it. */
    readonly workspace: SandboxWorkspace;

    constructor(
        sid: string = SandboxWorker.AGENT_SID,
        workspace: SandboxWorkspace = new SandboxWorkspace()
    ) {
        super();
        this.sid = sid;
        this.workspace = workspace;
        const available = new SandboxActivity(this, nextSid('WA'), 'Available', true);
        const unavailable = new SandboxActivity(this, nextSid('WA'), 'Unavailable', false);
        const onBreak = new SandboxActivity(this, nextSid('WA'), 'Break', false);
        const offline = new SandboxActivity(this, nextSid('WA'), 'Offline', false);
        [available, unavailable, onBreak, offline].forEach((each) =>
            this.activities.set(each.sid, each)
        );
        this.activity = available;
        this.connectActivitySid = available.sid;
        this.disconnectActivitySid = offline.sid;
        workspace.join(this);
    }

    get workerSid(): string {
        return this.sid;
    }

    get activitySid(): string {
        return this.activity.sid;
    }

    get workerActivitySid(): string {
        return this.activity.sid;
    }

    get available(): boolean {
        return this.activity.available;
    }

    changeActivity(activity: SandboxActivity): void {
        this.activity = activity;
        this.dateActivityChanged = new Date();
        this.announce('activityUpdated', this);
    }

    activityNamed(name: string): SandboxActivity | undefined {
        return [...this.activities.values()].find((each) => each.name === name);
    }

    /** Routes a new task to this worker: a pending reservation, as TaskRouter would create. */
    offer({ attributes, channel, routingTarget }: OfferedTask): SandboxReservation {
        const taskSid = nextSid('WT');
        // Tasks Flex Interactions create name their interaction and channel; Agent Copilot's
        // notes name the same two, which is how the plugin matches notes to a task.
        const interaction = {
            flexInteractionSid: 'KD' + taskSid.slice(2),
            flexInteractionChannelSid: 'UO' + taskSid.slice(2)
        };
        const task = new SandboxTask(
            taskSid,
            { ...interaction, ...attributes },
            channel,
            routingTarget
        );
        this.workspace.track(task);
        return this.reserve(task);
    }

    /** A new reservation of `task` for this worker, announced as TaskRouter's would be. */
    reserve(
        task: SandboxTask,
        transfer: SandboxIncomingTransfer | null = null
    ): SandboxReservation {
        const reservation = new SandboxReservation(nextSid('WR'), task, this.sid, (finished) =>
            this.reservations.delete(finished.sid)
        );
        reservation.transfer = transfer;
        this.reservations.set(reservation.sid, reservation);
        this.announce('reservationCreated', reservation);
        return reservation;
    }

    /** What Flex's outbound dialer calls: TaskRouter creates the task and reserves this worker. */
    async createTask(
        to: string,
        from: string,
        _workflowSid: string,
        _taskQueueSid: string,
        options: { attributes?: Attributes; taskChannelUniqueName?: string } = {}
    ): Promise<string> {
        await roundTrip();
        const reservation = this.offer({
            attributes: {
                ...options.attributes,
                direction: 'outbound',
                from,
                outbound_to: to,
                name: to,
                type: 'outbound'
            },
            channel: options.taskChannelUniqueName === 'voice' ? 'voice' : 'default',
            routingTarget: this.sid
        });
        return reservation.task.sid;
    }

    async setAttributes(attributes: Attributes): Promise<SandboxWorker> {
        await roundTrip();
        this.attributes = { ...attributes };
        this.announce('attributesUpdated', this);
        return this;
    }

    disconnect(): void {
        this.announce('disconnected', this);
    }

    updateToken(): void {}

    async fetchLatestVersion(): Promise<SandboxWorker> {
        return this;
    }
}

/**
 * What TaskRouter's servers hold across workers: who is in the workspace, and every worker's view
 * of each task, so that a transfer reserves another worker on the same task and an attribute
 * write reaches every worker holding it.
 */
export class SandboxWorkspace {
    readonly sid = WORKSPACE_SID;
    readonly workers = new Map<string, SandboxWorker>();
    private readonly views = new Map<string, Set<SandboxTask>>();

    join(worker: SandboxWorker): void {
        this.workers.set(worker.sid, worker);
    }

    track(task: SandboxTask): void {
        task.workspace = this;
        const views = this.views.get(task.sid) ?? new Set<SandboxTask>();
        views.add(task);
        this.views.set(task.sid, views);
    }

    /** After a write through `from`: every other view of the task takes the new attributes. */
    shareAttributes(from: SandboxTask): void {
        for (const view of this.views.get(from.sid) ?? []) {
            if (view === from) continue;
            view.attributes = JSON.parse(JSON.stringify(from.attributes)) as Attributes;
            view.touch();
            view.announce('updated', view);
        }
    }

    /**
     * Starts a transfer of `from`'s task: the outgoing transfer on `from`, then a reservation for
     * the target (the worker named, or an available worker other than the sender for a queue) on
     * the same task. The target accepting completes it (and, when cold, moves the sender's
     * reservation to wrap-up); rejecting or timing out fails it; canceling rescinds it.
     */
    transfer(
        from: SandboxTask,
        to: string,
        options: { mode?: TransferMode; attributes?: object }
    ): SandboxOutgoingTransfer {
        const type: TransferType | null = to.startsWith('WK')
            ? 'WORKER'
            : to.startsWith('WQ')
              ? 'QUEUE'
              : null;
        if (!type) throw new Error(`${to} is neither a Worker (WK…) nor a TaskQueue (WQ…) SID.`);
        const sender = [...this.workers.values()].find((worker) =>
            worker.reservations.has(from.reservationSid)
        );
        const sending = sender?.reservations.get(from.reservationSid);
        if (!sender || sending?.status !== 'accepted') {
            throw new Error(
                `Task ${from.sid} can be transferred only by a worker who accepted it.`
            );
        }
        const facts = {
            sid: nextSid('TT'),
            mode: options.mode ?? 'WARM',
            type,
            to,
            reservationSid: from.reservationSid,
            workerSid: sender.sid,
            queueSid: from.queueSid,
            workflowSid: from.workflowSid
        };
        let receiving: SandboxReservation | null = null;
        const outgoing = new SandboxOutgoingTransfer(facts, () =>
            receiving?.transition('rescinded')
        );
        from.transfers.outgoing = outgoing;
        from.announce('transferInitiated', outgoing);
        if (options.attributes) {
            from.attributes = JSON.parse(JSON.stringify(options.attributes)) as Attributes;
            from.touch();
            this.shareAttributes(from);
        }
        const target =
            type === 'WORKER'
                ? this.workers.get(to)
                : [...this.workers.values()].find(
                      (worker) => worker !== sender && worker.available
                  );
        if (!target || !target.available) {
            outgoing.end(
                'FAILED',
                type === 'WORKER'
                    ? `worker ${to} is not available to take the task`
                    : `no worker in queue ${to} is available`
            );
            return outgoing;
        }
        const view = new SandboxTask(
            from.sid,
            from.attributes,
            from.taskChannelUniqueName,
            from.routingTarget
        );
        const incoming = new SandboxIncomingTransfer(facts);
        view.transfers.incoming = incoming;
        this.track(view);
        receiving = target.reserve(view, incoming);
        receiving.on('accepted', () => {
            incoming.status = 'COMPLETE';
            outgoing.end('COMPLETED');
            if (facts.mode === 'COLD') sending.transition('wrapping');
        });
        for (const failure of ['rejected', 'timeout'] as const) {
            receiving.on(failure, () => {
                incoming.status = 'FAILED';
                outgoing.end('FAILED', `the receiving worker's reservation was ${failure}`);
            });
        }
        return outgoing;
    }
}
