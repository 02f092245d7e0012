// The sandbox's side of the interaction: what callers, TaskRouter and the agent's phone would do.
// Agent actions (accept, wrap up, complete, activity) go through Flex's own Actions, as a click in
// Flex would; what Twilio would decide (a call arrives, a caller hangs up) goes to the TaskRouter
// stand-in. Tests and the benchmark drive the page through this object (`window.sandboxPhone`).
import type * as FlexSdk from '@twilio/flex-ui';
import { flexInternals } from './standins/flexInternals.ts';
import {
    FINISHED_STATUSES,
    type Attributes,
    type ReservationStatus,
    type SandboxReservation,
    type SandboxWorker
} from './standins/taskRouter.ts';

export type SandboxChannel = 'voice' | 'chat' | 'sms';

export interface InboundCall {
    /** The caller's number (E.164) or, for chat, the customer's name. */
    from: string;
    channel?: SandboxChannel;
    /** Extra task attributes, e.g. sfdcObjectId or sfdcSearchString as a Studio flow would set. */
    attributes?: Attributes;
}

export interface TaskSummary {
    reservationSid: string;
    taskSid: string;
    status: ReservationStatus;
    channel: string;
    attributes: Attributes;
    attributeWrites: number;
}

export interface CopilotNotes {
    summary: string;
    sentiment: string;
    dispositionCode?: string;
    topicPath?: string;
}

export interface Switchboard {
    readonly ready: Promise<void>;
    markReady(): void;
    offerInbound(call: InboundCall): TaskSummary;
    /**
     * While the agent is on a task, a second one (a chat by default) arrives and the agent
     * accepts it too, as Flex's multitasking allows: both stay open in Flex.
     */
    holdSecondTask(call?: Partial<InboundCall>): Promise<TaskSummary>;
    accept(reservationSid?: string): Promise<void>;
    hangUp(reservationSid?: string): Promise<void>;
    wrapUp(reservationSid?: string): Promise<void>;
    complete(reservationSid?: string): Promise<void>;
    cancel(reservationSid?: string): Promise<void>;
    select(reservationSid: string): Promise<void>;
    submitNotes(notes: CopilotNotes, reservationSid?: string): void;
    setActivity(name: string): Promise<void>;
    /** Every activity the worker changed to, in order (what presence sync's tests count). */
    activityChanges(): string[];
    /** Open tasks and the 50 most recently finished ones. */
    tasks(): TaskSummary[];
    task(reservationSid: string): TaskSummary | undefined;
    /** Calls subscribers whenever a task or the worker changes. */
    subscribe(listener: () => void): () => void;
}

export function createSwitchboard({
    flex,
    worker
}: {
    flex: typeof FlexSdk;
    worker: SandboxWorker;
}): Switchboard {
    let markReady = () => {};
    const ready = new Promise<void>((resolve) => {
        markReady = resolve;
    });
    const listeners = new Set<() => void>();
    const notify = () => listeners.forEach((listener) => listener());
    const known = new Map<string, SandboxReservation>();

    /** Finished tasks the switchboard still lists: enough for tests, bounded for long runs. */
    const KEEP_FINISHED = 50;
    const forgetOldFinished = () => {
        const finished = [...known.values()].filter((each) =>
            FINISHED_STATUSES.includes(each.status)
        );
        finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)).forEach((each) => {
            known.delete(each.sid);
        });
    };

    const watch = (reservation: SandboxReservation) => {
        forgetOldFinished();
        known.set(reservation.sid, reservation);
        ['accepted', 'rejected', 'timeout', 'canceled', 'rescinded', 'wrapup', 'completed'].forEach(
            (event) => reservation.addListener(event, () => setTimeout(notify, 0))
        );
        reservation.task.addListener('updated', () => setTimeout(notify, 0));
        setTimeout(notify, 0);
    };
    worker.addListener('reservationCreated', (reservation) =>
        watch(reservation as SandboxReservation)
    );
    const activityChanges: string[] = [];
    worker.addListener('activityUpdated', () => {
        activityChanges.push(worker.activity.name);
        setTimeout(notify, 0);
    });

    const summary = (reservation: SandboxReservation): TaskSummary => ({
        reservationSid: reservation.sid,
        taskSid: reservation.task.sid,
        status: reservation.status,
        channel: reservation.task.taskChannelUniqueName,
        attributes: reservation.task.attributes,
        attributeWrites: reservation.task.attributeWrites
    });

    /** The named reservation, or the newest one still open. */
    const reservationFor = (reservationSid?: string): SandboxReservation => {
        const open = [...known.values()].filter((each) => !FINISHED_STATUSES.includes(each.status));
        const found = reservationSid ? known.get(reservationSid) : open[open.length - 1];
        if (!found) {
            throw new Error(reservationSid ? `No task ${reservationSid}.` : 'No open task.');
        }
        return found;
    };

    /** The task as Flex's store holds it: what Flex's own buttons pass to its actions. */
    const flexTask = (reservation: SandboxReservation): FlexSdk.ITask => {
        const task = flex.Manager.getInstance()
            .store.getState()
            .flex.worker.tasks.get(reservation.sid);
        if (!task) {
            throw new Error(`Flex has no task for reservation ${reservation.sid}.`);
        }
        return task;
    };

    const board: Switchboard = {
        ready,
        markReady: () => markReady(),
        offerInbound({ from, channel = 'voice', attributes = {} }) {
            const base: Attributes =
                channel === 'voice'
                    ? { direction: 'inbound', from, called: '+15550108888', name: from }
                    : {
                          direction: 'inbound',
                          channelType: channel === 'chat' ? 'web' : 'sms',
                          from,
                          name: from,
                          customerAddress: from
                      };
            return summary(worker.offer({ attributes: { ...base, ...attributes }, channel }));
        },
        async holdSecondTask({ from = 'Ada Byron', channel = 'chat', attributes = {} } = {}) {
            const open = [...known.values()].filter((each) => each.status === 'accepted');
            if (!open.length) {
                throw new Error('Accept a task first: the second task is held beside it.');
            }
            const second = board.offerInbound({ from, channel, attributes });
            await board.accept(second.reservationSid);
            return board.task(second.reservationSid) ?? second;
        },
        async accept(reservationSid) {
            await flex.Actions.invokeAction('AcceptTask', {
                task: flexTask(reservationFor(reservationSid))
            });
        },
        async hangUp(reservationSid) {
            // The conference ended: TaskRouter moves the agent's reservation to wrapping.
            const reservation = reservationFor(reservationSid);
            if (reservation.status === 'accepted') {
                reservation.transition('wrapping', 'wrapping');
            }
        },
        async wrapUp(reservationSid) {
            await flex.Actions.invokeAction('WrapupTask', {
                task: flexTask(reservationFor(reservationSid))
            });
        },
        async complete(reservationSid) {
            await flex.Actions.invokeAction('CompleteTask', {
                task: flexTask(reservationFor(reservationSid))
            });
        },
        async cancel(reservationSid) {
            // The caller hung up before anyone answered.
            reservationFor(reservationSid).transition('canceled', 'canceled');
        },
        async select(reservationSid) {
            await flex.Actions.invokeAction('SelectTask', {
                task: flexTask(reservationFor(reservationSid))
            });
        },
        submitNotes(notes, reservationSid) {
            // The payload's shape is Flex 2.17's own (TaskWrapupPanel → emitNotesSubmitted):
            // it names the interaction and channel, and `sid` is the summary's, not the task's.
            const { task } = reservationFor(reservationSid);
            const attributes = task.attributes;
            flexInternals().flexModule.events.emit('notesSubmitted', {
                interactionSid: attributes.flexInteractionSid,
                channelSid: attributes.flexInteractionChannelSid,
                participantSid: undefined,
                sid: 'KY' + task.sid.slice(2),
                summary: notes.summary,
                sentiment: notes.sentiment ?? '',
                dispositionCode: notes.dispositionCode
                    ? {
                          sid: 'DC' + task.sid.slice(2),
                          uniqueName: notes.dispositionCode,
                          disposition_code: notes.dispositionCode,
                          topic_path: notes.topicPath ?? ''
                      }
                    : undefined,
                detectedLanguage: 'en',
                areNotesVisible: true
            });
        },
        activityChanges: () => [...activityChanges],
        async setActivity(name) {
            const activity = worker.activityNamed(name);
            if (!activity) {
                throw new Error(`No activity named ${name}.`);
            }
            await flex.Actions.invokeAction('SetActivity', { activitySid: activity.sid });
        },
        tasks: () => [...known.values()].map(summary),
        task: (reservationSid) => {
            const reservation = known.get(reservationSid);
            return reservation ? summary(reservation) : undefined;
        },
        subscribe(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
        }
    };
    return board;
}
