/*
 * The activity-log outbox. A log is written to storage before it is sent and leaves storage only
 * when the CRM answers with the saved activity's id, so a failure, a timeout or a reload loses
 * nothing: what is stored is sent (again) after the next start, and once every log is confirmed
 * storage holds nothing. A ledger of confirmed tasks (in memory: a completed task cannot complete
 * again after a reload) makes sure a task is logged once, whatever fires twice (CompleteTask then
 * taskCanceled), and lets late Copilot notes find the saved Task's Id.
 *
 * Storage is per worker and per entry (one key each), so two softphones of one worker never
 * overwrite each other's entries, and a lease on the entry being sent keeps a second softphone
 * from sending it at the same time. Storage, clock and sender are injected: the tests drive all
 * three, and nothing here touches Flex or the CRM (the port's activity store does).
 *
 * The one window no client can close: the CRM saved the activity but its reply never arrived (the
 * page unloaded in between). The entry is still stored and is sent again, so that activity exists
 * twice; the task SID on both makes the pair easy to find (docs/activity-logging.md).
 */
import type { ActivityValue, SaveFailure } from '../crm/crmPort';
import { ConfirmedLedger } from './confirmedLedger';
import { droppableFields, failureOf } from './keptFailure';
import { OutboxShelf, type OutboxStorage } from './outboxShelf';
import { backoffMs, systemClock, WakeTimer, type OutboxClock } from './retryTimer';
import {
    ENTRY_KEY,
    readStoredEntry,
    type ReadingBounds,
    type StoredEntry,
    type StoredValueChecks
} from './storedEntry';

export type { OutboxStorage } from './outboxShelf';
export type { OutboxClock } from './retryTimer';
export { systemClock } from './retryTimer';

type LogValue = ActivityValue;

export type EntryState = 'waiting' | 'sending' | 'failed';

export interface OutboxEntryView {
    key: string;
    subject: string;
    state: EntryState;
    attempts: number;
    nextAttemptAt: number | null;
    failure: SaveFailure | null;
    /** False when storage refused it: it is sent, but lost if the softphone reloads first. */
    kept: boolean;
    /** Field names from the failure that the agent may drop to save the rest. */
    droppableFields: string[];
}

export type OutboxProblem =
    | { kind: 'storage-unavailable' }
    | { kind: 'full'; waiting: number }
    | { kind: 'refused'; entry: OutboxEntryView }
    /** Stored entries that were not logs this plugin wrote: removed, never sent. */
    | { kind: 'discarded'; count: number; problems: string[] };

export type AddResult = 'queued' | 'duplicate' | 'not-kept';

/** The part of the port's ActivityStore the outbox uses. */
export interface OutboxStore extends StoredValueChecks {
    create(value: LogValue): Promise<string>;
    update(id: string, value: LogValue, key: string): Promise<void>;
    /** Fields a refused activity can never be saved without. */
    requiredFields: readonly string[];
}

export interface OutboxOptions {
    /** Where this CRM's logs wait in storage (default: Salesforce's, as logs already waiting use). */
    storagePrefix?: string;
    storage: OutboxStorage | null;
    /** Whose logs these are (the worker SID): one softphone never sends another worker's logs. */
    owner: string;
    clock?: OutboxClock;
    /**
     * The CRM's activities: create resolves with the saved activity's id, update with nothing;
     * both reject with a SaveFailure. Also checks what is read back from storage.
     */
    store: OutboxStore;
    problem?: (problem: OutboxProblem) => void;
    /** How long a send may take before another softphone may take the entry over. */
    leaseMs: number;
    maxEntries?: number;
    firstRetryMs?: number;
    maxRetryMs?: number;
    /** How long the ledger remembers a confirmed task (and late notes can still reach it). */
    rememberMs?: number;
    /** How many confirmed tasks the ledger remembers at most. */
    rememberCount?: number;
    random?: () => number;
}

export class LogOutbox {
    private readonly entries = new Map<string, StoredEntry>();
    /** Entries storage refused: they live here only. */
    private readonly unkept = new Set<string>();
    private readonly listeners = new Set<() => void>();
    private readonly clock: OutboxClock;
    private readonly maxEntries: number;
    private readonly firstRetryMs: number;
    private readonly maxRetryMs: number;
    private readonly random: () => number;
    private readonly shelf: OutboxShelf;
    private readonly ledger: ConfirmedLedger;
    private readonly timer: WakeTimer;
    private sending: string | null = null;
    private running = false;
    private discardedCount = 0;

    constructor(private readonly options: OutboxOptions) {
        this.clock = options.clock ?? systemClock;
        this.maxEntries = options.maxEntries ?? 100;
        this.firstRetryMs = options.firstRetryMs ?? 2000;
        this.maxRetryMs = options.maxRetryMs ?? 5 * 60_000;
        this.random = options.random ?? Math.random;
        this.shelf = new OutboxShelf(
            options.storage,
            options.owner,
            () => this.options.problem?.({ kind: 'storage-unavailable' }),
            options.storagePrefix
        );
        this.ledger = new ConfirmedLedger(
            this.clock,
            options.rememberMs ?? 3_600_000,
            options.rememberCount ?? 500
        );
        this.timer = new WakeTimer(this.clock, () => this.pump());
    }

    /**
     * Reads what earlier softphones left and starts sending it. Whatever is stored under this
     * worker's keys and is not a log this plugin wrote is removed and reported, never sent.
     */
    start(): void {
        this.running = true;
        this.shelf.probe();
        const now = this.clock.now();
        const problems: string[] = [];
        for (const storageKey of this.shelf.keys()) {
            if (storageKey === this.shelf.probeKey) {
                // Left by a start-up check whose removal failed: not a log, not worth a warning.
                this.shelf.remove(storageKey);
                continue;
            }
            const key = this.shelf.logKeyOf(storageKey);
            const reading =
                key === null
                    ? ({ kind: 'invalid', problem: 'not an activity-log key' } as const)
                    : readStoredEntry(
                          this.shelf.read(storageKey),
                          key,
                          this.options.store,
                          this.bounds(now)
                      );
            if (reading.kind === 'valid') {
                // A new start is a new chance: what waited out a backoff is sent now.
                reading.entry.nextAt = Math.min(reading.entry.nextAt, now);
                this.entries.set(reading.entry.key, reading.entry);
                if (reading.clamped) {
                    // Stored as bounded, so a far-future lease cannot slide forward on each read.
                    this.persist(reading.entry);
                }
            } else {
                this.shelf.remove(storageKey);
                problems.push(
                    `${storageKey.slice(this.shelf.namespace.length, 120)}: ${reading.problem}`
                );
            }
        }
        if (problems.length > 0) {
            this.discardedCount += problems.length;
            this.options.problem?.({ kind: 'discarded', count: problems.length, problems });
        }
        this.changed();
        this.pump();
    }

    /** How many stored entries were removed as not this plugin's logs, since this outbox started. */
    get discarded(): number {
        return this.discardedCount;
    }

    stop(): void {
        this.running = false;
        this.timer.cancel();
        this.listeners.clear();
    }

    /** Queues a task's log; `duplicate` when this task was already logged or is waiting. */
    add(key: string, value: LogValue): AddResult {
        if (this.entries.has(key) || this.ledger.idOf(key) !== null) {
            return 'duplicate';
        }
        const now = this.clock.now();
        const entry: StoredEntry = {
            v: 1,
            key,
            recordId: null,
            value,
            followUp: null,
            subject: typeof value.Subject === 'string' ? value.Subject : key,
            attempts: 0,
            nextAt: now,
            leaseUntil: 0,
            failure: null,
            createdAt: now
        };
        this.entries.set(key, entry);
        let result: AddResult = 'queued';
        if (!ENTRY_KEY.test(key)) {
            // Not readable back after a reload (Flex's task SIDs always are): sent, not kept.
            this.unkept.add(key);
            result = 'not-kept';
        } else if (this.entries.size > this.maxEntries) {
            this.unkept.add(key);
            this.options.problem?.({ kind: 'full', waiting: this.entries.size });
            result = 'not-kept';
        } else if (!this.persist(entry)) {
            result = 'not-kept';
        }
        this.changed();
        this.pump();
        return result;
    }

    /**
     * Fields that belong to a task's log but came late (copilot notes): merged into the waiting
     * log, sent after the one in flight, or written onto the saved Task by its Id.
     * False when this outbox never logged the task (or has forgotten it).
     */
    addToLog(key: string, fields: LogValue): boolean {
        const entry = this.entries.get(key);
        if (entry) {
            if (this.sending === key) {
                entry.followUp = { ...entry.followUp, ...fields };
            } else {
                entry.value = { ...entry.value, ...fields };
            }
            this.persist(entry);
            this.changed();
            return true;
        }
        const recordId = this.ledger.idOf(key);
        if (recordId === null) {
            return false;
        }
        const now = this.clock.now();
        const update: StoredEntry = {
            v: 1,
            key,
            recordId,
            value: fields,
            followUp: null,
            subject: key,
            attempts: 0,
            nextAt: now,
            leaseUntil: 0,
            failure: null,
            createdAt: now
        };
        this.entries.set(key, update);
        this.persist(update);
        this.changed();
        this.pump();
        return true;
    }

    /** Sends waiting and failed logs now (the agent's "Retry"). */
    retry(key?: string): void {
        const now = this.clock.now();
        for (const entry of this.entries.values()) {
            if (key === undefined || entry.key === key) {
                entry.nextAt = now;
                entry.failure = null;
                this.persist(entry);
            }
        }
        this.changed();
        this.pump();
    }

    /** Saves a refused log without the fields the CRM named (e.g. a deleted related record). */
    retryWithout(key: string): void {
        const entry = this.entries.get(key);
        if (!entry) {
            return;
        }
        const dropped = new Set(
            droppableFields(entry.failure, entry.value, this.options.store.requiredFields)
        );
        entry.value = Object.fromEntries(
            Object.entries(entry.value).filter(([field]) => !dropped.has(field))
        );
        this.retry(key);
    }

    view(): OutboxEntryView[] {
        return [...this.entries.values()]
            .sort((a, b) => a.createdAt - b.createdAt)
            .map((entry) => ({
                key: entry.key,
                subject: entry.subject,
                state:
                    this.sending === entry.key
                        ? 'sending'
                        : entry.failure?.permanent
                          ? 'failed'
                          : 'waiting',
                attempts: entry.attempts,
                nextAttemptAt: entry.failure?.permanent ? null : entry.nextAt,
                failure: entry.failure,
                kept: !this.unkept.has(entry.key),
                droppableFields: droppableFields(
                    entry.failure,
                    entry.value,
                    this.options.store.requiredFields
                )
            }));
    }

    get size(): number {
        return this.entries.size;
    }

    subscribe(listener: () => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    /** The id the CRM gave this task's log, if it confirmed one. */
    confirmedId(key: string): string | null {
        return this.ledger.idOf(key);
    }

    private pump(): void {
        if (!this.running || this.sending !== null) {
            return;
        }
        const now = this.clock.now();
        const due = [...this.entries.values()]
            .filter((entry) => !entry.failure?.permanent)
            .sort((a, b) => a.nextAt - b.nextAt || a.createdAt - b.createdAt);
        for (const entry of due) {
            if (entry.nextAt > now) {
                this.timer.at(entry.nextAt);
                return;
            }
            const claim = this.claim(entry, now);
            if (claim === 'gone') {
                continue;
            }
            if (claim === 'leased') {
                this.timer.at(entry.leaseUntil);
                continue;
            }
            void this.send(entry);
            return;
        }
    }

    /** Takes the entry for this softphone, unless another one confirmed or is sending it. */
    private claim(entry: StoredEntry, now: number): 'mine' | 'gone' | 'leased' {
        if (!this.unkept.has(entry.key)) {
            const raw = this.shelf.read(this.shelf.entryKey(entry.key));
            const reading = readStoredEntry(raw, entry.key, this.options.store, this.bounds(now));
            // Overwritten with something that is not a log, or with a lease no softphone of this
            // plugin takes: this softphone's copy stands.
            const stored = reading.kind === 'valid' && !reading.clamped ? reading.entry : null;
            if (raw === null) {
                // Another softphone of this worker sent and confirmed it: sending our copy too
                // would save it twice.
                this.entries.delete(entry.key);
                this.changed();
                return 'gone';
            } else if (stored && stored.leaseUntil > now) {
                // Another softphone is sending it, or a page that unloaded mid-send was: wait
                // for the lease rather than send the same log twice at once.
                entry.leaseUntil = stored.leaseUntil;
                return 'leased';
            }
        }
        entry.leaseUntil = now + this.options.leaseMs;
        this.persist(entry);
        return 'mine';
    }

    private async send(entry: StoredEntry): Promise<void> {
        this.sending = entry.key;
        this.changed();
        let refused = false;
        try {
            const { store } = this.options;
            const { recordId } = entry;
            const savedId =
                recordId === null
                    ? await store.create(entry.value)
                    : await store.update(recordId, entry.value, entry.key).then(() => recordId);
            this.settleConfirmed(entry, savedId);
        } catch (error) {
            const failure = failureOf(error);
            this.settleFailed(entry, failure);
            refused = failure.permanent;
        }
        this.sending = null;
        const shown = refused ? this.view().find((each) => each.key === entry.key) : undefined;
        if (shown) {
            this.options.problem?.({ kind: 'refused', entry: shown });
        }
        this.changed();
        this.pump();
    }

    private settleConfirmed(entry: StoredEntry, recordId: string): void {
        const now = this.clock.now();
        this.ledger.remember(entry.key, recordId);
        if (entry.followUp) {
            entry.recordId = recordId;
            entry.value = entry.followUp;
            entry.followUp = null;
            entry.attempts = 0;
            entry.nextAt = now;
            entry.leaseUntil = 0;
            entry.failure = null;
            this.persist(entry);
            return;
        }
        this.entries.delete(entry.key);
        this.unkept.delete(entry.key);
        this.shelf.remove(this.shelf.entryKey(entry.key));
    }

    private settleFailed(entry: StoredEntry, failure: SaveFailure): void {
        entry.attempts += 1;
        entry.failure = failure;
        entry.leaseUntil = 0;
        entry.nextAt =
            this.clock.now() +
            backoffMs(entry.attempts, this.firstRetryMs, this.maxRetryMs, this.random);
        this.persist(entry);
    }

    private bounds(now: number): ReadingBounds {
        return { now, leaseMs: this.options.leaseMs, maxRetryMs: this.maxRetryMs };
    }

    private persist(entry: StoredEntry): boolean {
        if (this.unkept.has(entry.key)) {
            return false;
        }
        if (this.shelf.write(this.shelf.entryKey(entry.key), JSON.stringify(entry))) {
            return true;
        }
        this.unkept.add(entry.key);
        return false;
    }

    private changed(): void {
        for (const listener of [...this.listeners]) {
            listener();
        }
    }
}
