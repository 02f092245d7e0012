/*
 * Per-task integration state: screen-pop candidates and the record linked.
 *
 * The link written by this plugin is kept here and used at once: Flex's copy of the task attributes
 * only changes when TaskRouter echoes the update, and code that runs in between (the chooser, the
 * LMS echo, later the activity log) must not see the old value. Entries are released when the task
 * ends (`releaseEnded`), after every listener of that event has read them, so no capability has to
 * be registered before another, and nothing grows over a shift.
 */
import type { RecordRef } from '../crm/crmPort';
import type { TaskLike } from './taskView';

/** Flex's task events that end a task for this agent. */
export const TASK_END_EVENTS = [
    'taskCompleted',
    'taskCanceled',
    'taskRescinded',
    'taskTimeout',
    'taskRejected'
] as const;

/** The part of Flex's manager.events the links listen on. */
export interface TaskEvents {
    addListener(event: string, listener: (task: TaskLike) => void): unknown;
    removeListener(event: string, listener: (task: TaskLike) => void): unknown;
}

interface TaskState {
    candidates: RecordRef[];
    /** Set when this plugin wrote the link; `null` means it cleared it. */
    written?: RecordRef | null;
    /** The agent's last choice, kept even when writing it to the task failed. */
    chosen?: RecordRef | null;
}

export class TaskLinks {
    private readonly byTask = new Map<string, TaskState>();
    private readonly listeners = new Set<() => void>();

    /** `readLink`: the record a task's attributes link, as the CRM writes them. */
    constructor(
        private readonly readLink: (attributes: Record<string, unknown>) => RecordRef | null = () =>
            null
    ) {}

    /**
     * Releases a task's state when it ends, in a later turn: every listener of the end event
     * (the activity log reading the link, the interaction echo) runs first. Returns the undo.
     */
    releaseEnded(
        events: TaskEvents,
        later: (run: () => void) => void = (run) => setTimeout(run, 0)
    ): () => void {
        const onEnd = (task: TaskLike) => {
            const taskSid = task?.taskSid;
            if (typeof taskSid === 'string') {
                later(() => this.release(taskSid));
            }
        };
        for (const event of TASK_END_EVENTS) {
            events.addListener(event, onEnd);
        }
        return () => {
            for (const event of TASK_END_EVENTS) {
                events.removeListener(event, onEnd);
            }
        };
    }

    private entry(taskSid: string): TaskState {
        let state = this.byTask.get(taskSid);
        if (!state) {
            state = { candidates: [] };
            this.byTask.set(taskSid, state);
        }
        return state;
    }

    candidates(taskSid: string): RecordRef[] {
        return this.byTask.get(taskSid)?.candidates ?? [];
    }

    /** The freshest link: what this plugin wrote, else what the task attributes say. */
    selected(task: TaskLike): RecordRef | null {
        const state = this.byTask.get(task.taskSid);
        if (state && state.written !== undefined) {
            return state.written;
        }
        return this.readLink(task.attributes);
    }

    /**
     * The record the agent chose for this task (null: none of these), written or not: the
     * activity log and the completion guard go by the agent's choice, so a failing attribute
     * write never blocks completion or relates the log to the wrong record.
     */
    choose(taskSid: string, ref: RecordRef | null): void {
        this.entry(taskSid).chosen = ref;
    }

    hasChoice(taskSid: string): boolean {
        const state = this.byTask.get(taskSid);
        return state !== undefined && (state.chosen !== undefined || state.written !== undefined);
    }

    /** The record a log of this task relates to: the agent's choice, else the freshest link. */
    logRecord(task: TaskLike): RecordRef | null {
        const state = this.byTask.get(task.taskSid);
        return state && state.chosen !== undefined ? state.chosen : this.selected(task);
    }

    setCandidates(taskSid: string, candidates: RecordRef[]): void {
        this.entry(taskSid).candidates = candidates;
        this.changed();
    }

    setWritten(taskSid: string, ref: RecordRef | null): void {
        const state = this.entry(taskSid);
        state.written = ref;
        this.changed();
    }

    release(taskSid: string): void {
        if (this.byTask.delete(taskSid)) {
            this.changed();
        }
    }

    /** Number of tasks holding state (for leak tests). */
    get size(): number {
        return this.byTask.size;
    }

    subscribe(listener: () => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    private changed(): void {
        for (const listener of [...this.listeners]) {
            listener();
        }
    }
}
