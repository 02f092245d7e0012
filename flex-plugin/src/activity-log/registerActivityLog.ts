/*
 * Activity logging: when the agent completes a task (CompleteTask succeeded), or a task this
 * worker handled is canceled, its log goes into the outbox, which saves it in the CRM and keeps
 * it until the CRM confirms. Reservations rescinded, rejected or timed out leave no log, and
 * the outbox's ledger keeps one task from ever giving two. With `copilot_notes`, Copilot's notes
 * fill the log, or update the saved Task when they come late. With `require_record_choice`,
 * completing waits until the agent has chosen among several matching records.
 */
import * as React from 'react';
import { Actions, NoTasksCanvas, TaskListContainer } from '@twilio/flex-ui';
import type { CopilotNotes, RecordRef } from '../crm/crmPort';
import { guarded, type IntegrationContext } from '../integration/context';
import { isLive, taskOfPayload, type TaskActionPayload, type TaskLike } from '../tasks/taskView';
import { originOf, readSubmittedNotes, sameInteraction, type NotesOrigin } from './copilotNotes';
import { LogOutbox, systemClock, type OutboxClock, type OutboxStorage } from './logOutbox';
import { PendingLogs } from './PendingLogs';

export interface ActivityLogEnvironment {
    storage: OutboxStorage | null;
    clock?: OutboxClock;
    /** The agent's IANA time zone; ActivityDate is their calendar day. */
    timeZone?: string;
}

/** What the plugin remembers about a task between its events. */
interface TaskTrack {
    origin: NotesOrigin;
    handled: boolean;
    acceptedAt: number | null;
    wrapupAt: number | null;
    notes: CopilotNotes | null;
    /** Set by beforeCompleteTask: Flex may release the task before afterCompleteTask runs. */
    completing: { task: TaskLike; record: RecordRef | null } | null;
    logged: boolean;
}

/** Enough for a long shift of tracked tasks and late notes; the oldest go first. */
const MAX_TRACKED = 200;
const PENDING_LOGS_KEY = 'salesforce-pending-logs';

/** `window.localStorage`, or null where the browser blocks it (reading it can throw). */
export function browserStorage(win: Window): OutboxStorage | null {
    try {
        return win.localStorage;
    } catch {
        return null;
    }
}

export function registerActivityLog(
    context: IntegrationContext,
    environment: ActivityLogEnvironment
): LogOutbox {
    const { manager, config, crm, links, log, notify } = context;
    const clock = environment.clock ?? systemClock;
    const timeZone =
        environment.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';

    const outbox = new LogOutbox({
        storage: environment.storage,
        owner: manager.workerClient?.sid ?? 'unknown-worker',
        clock,
        // Longer than one save may take (the CRM call timeout), so a slow answer is never sent twice at once.
        leaseMs: crm.timeoutMs + 2000,
        store: crm.activities,
        storagePrefix: crm.activities.storagePrefix,
        problem: (problem) => {
            switch (problem.kind) {
                case 'storage-unavailable':
                    return notify('CrmLogNotKept');
                case 'full':
                    return notify('CrmLogOutboxFull', { count: String(problem.waiting) });
                case 'discarded':
                    log.warn(
                        `removed ${problem.count} stored activity logs that were not this plugin's: ${problem.problems.join('; ')}`
                    );
                    return notify('CrmLogsDiscarded', { count: String(problem.count) });
                case 'refused':
                    log.warn(
                        `${crm.name} refused activity log ${problem.entry.key}`,
                        problem.entry
                    );
                    return notify('CrmLogRefused', {
                        subject: problem.entry.subject,
                        reason: problem.entry.failure?.description ?? ''
                    });
            }
        }
    });

    const tracked = new Map<string, TaskTrack>();
    const track = (task: TaskLike): TaskTrack => {
        let entry = tracked.get(task.taskSid);
        if (!entry) {
            entry = {
                origin: originOf(task),
                handled: false,
                acceptedAt: null,
                wrapupAt: null,
                notes: null,
                completing: null,
                logged: false
            };
            tracked.set(task.taskSid, entry);
            for (const oldest of tracked.keys()) {
                if (tracked.size <= MAX_TRACKED) break;
                tracked.delete(oldest);
            }
        }
        return entry;
    };

    const logTask = (task: TaskLike, record: RecordRef | null, reason: string): void => {
        const entry = track(task);
        if (!config.activity_logging || entry.logged) {
            return;
        }
        entry.logged = true;
        const notes = entry.notes;
        // Only what late notes need stays: no task objects held for the rest of the shift.
        entry.completing = null;
        entry.notes = null;
        const now = clock.now();
        const value = crm.activities.build({
            task,
            record,
            endedAt: new Date(now),
            durationSeconds:
                entry.acceptedAt === null
                    ? null
                    : ((entry.wrapupAt ?? now) - entry.acceptedAt) / 1000,
            timeZone,
            notes: config.copilot_notes ? notes : null
        });
        const result = outbox.add(task.taskSid, value);
        log.info(`activity log for task ${task.taskSid} (${reason}): ${result}`);
    };

    // Tasks already accepted when the softphone (re)loads were handled by this worker.
    for (const task of context.snapshot().tasks) {
        if (task.status === 'accepted' || task.status === 'wrapping') {
            track(task).handled = true;
        }
    }

    const onAccepted = guarded(log, 'activity log (accepted)', (task: TaskLike) => {
        const entry = track(task);
        entry.handled = true;
        entry.acceptedAt = clock.now();
    });
    const onWrapup = guarded(log, 'activity log (wrap-up)', (task: TaskLike) => {
        const entry = track(task);
        entry.handled = true;
        entry.wrapupAt ??= clock.now();
    });
    const onCanceled = guarded(log, 'activity log (canceled)', (task: TaskLike) => {
        if (tracked.get(task.taskSid)?.handled) {
            logTask(task, links.logRecord(task), 'canceled');
        }
    });

    const beforeComplete = guarded(
        log,
        'completion guard',
        (payload: TaskActionPayload, abort: () => void) => {
            const task = taskOfPayload(context.snapshot(), payload);
            if (!task) {
                return;
            }
            const undecided =
                links.candidates(task.taskSid).length > 1 &&
                !links.hasChoice(task.taskSid) &&
                crm.linkedRecord(task.attributes) === null;
            if (config.require_record_choice && undecided) {
                notify('CrmLogChooseRecord');
                abort();
                return;
            }
            track(task).completing = { task, record: links.logRecord(task) };
        }
    );
    const afterComplete = guarded(log, 'activity log (completed)', (payload: TaskActionPayload) => {
        const task = taskOfPayload(context.snapshot(), payload);
        const completing = task ? tracked.get(task.taskSid)?.completing : null;
        if (completing) {
            logTask(completing.task, completing.record, 'completed');
        } else if (task) {
            logTask(task, links.logRecord(task), 'completed');
        }
    });

    const onNotes = guarded(log, 'copilot notes', (payload: unknown) => {
        if (!config.copilot_notes) {
            return;
        }
        const submitted = readSubmittedNotes(payload);
        if (!submitted) {
            log.warn('ignored Copilot notes that Flex sent in an unknown shape');
            return;
        }
        const live = context
            .snapshot()
            .tasks.find(
                (task) => isLive(task) && sameInteraction(originOf(task), submitted.origin)
            );
        if (live && !tracked.get(live.taskSid)?.logged) {
            track(live).notes = submitted.notes;
            return;
        }
        // Late: the log is written or waiting; the notes go onto it.
        for (const [taskSid, entry] of tracked) {
            if (entry.logged && sameInteraction(entry.origin, submitted.origin)) {
                if (!outbox.addToLog(taskSid, crm.activities.notesValue(submitted.notes))) {
                    log.warn(`Copilot notes for task ${taskSid} came after its log was forgotten`);
                }
                return;
            }
        }
    });

    manager.events.addListener('taskAccepted', onAccepted);
    manager.events.addListener('taskWrapup', onWrapup);
    manager.events.addListener('taskCanceled', onCanceled);
    manager.events.addListener('notesSubmitted', onNotes);
    Actions.addListener('beforeCompleteTask', beforeComplete);
    Actions.addListener('afterCompleteTask', afterComplete);
    // Beside the task list, and in its place when no task is open (a log is often late after the last).
    const pendingLogs = React.createElement(PendingLogs, {
        key: PENDING_LOGS_KEY,
        outbox,
        strings: manager.strings as unknown as Record<string, string>
    });
    TaskListContainer.Content.add(pendingLogs, { sortOrder: 1000 });
    NoTasksCanvas.Content.add(pendingLogs, { sortOrder: -1 });
    context.onStop(() => {
        manager.events.removeListener('taskAccepted', onAccepted);
        manager.events.removeListener('taskWrapup', onWrapup);
        manager.events.removeListener('taskCanceled', onCanceled);
        manager.events.removeListener('notesSubmitted', onNotes);
        Actions.removeListener('beforeCompleteTask', beforeComplete);
        Actions.removeListener('afterCompleteTask', afterComplete);
        TaskListContainer.Content.remove(PENDING_LOGS_KEY);
        NoTasksCanvas.Content.remove(PENDING_LOGS_KEY);
        outbox.stop();
    });

    outbox.start();
    return outbox;
}
