/*
 * The activity-log outbox. A log is written to storage before it is sent and leaves storage only
 * when Salesforce answers with the saved record's Id, so a failure, a timeout or a reload loses
 * nothing: what is stored is sent (again) after the next start, and once every log is confirmed
 * storage holds nothing. A ledger of confirmed tasks (in memory: a completed task cannot complete
 * again after a reload) makes sure a task is logged once, whatever fires twice (CompleteTask then
 * taskCanceled), and lets late Copilot notes find the saved Task's Id.
 *
 * Storage is per worker and per entry (one key each), so two softphones of one worker never
 * overwrite each other's entries, and a lease on the entry being sent keeps a second softphone
 * from sending it at the same time. Storage, clock and sender are injected: the tests drive all
 * three, and nothing here touches Flex or Salesforce.
 *
 * The one window no client can close: Salesforce saved the Task but its reply never arrived (the
 * page unloaded in between). The entry is still stored and is sent again, so that Task exists
 * twice; `Flex_Task_Sid__c` on both makes the pair easy to find (docs/activity-logging.md).
 */
import { DEFAULT_LOG_FIELDS } from '../config/integrationConfig';
import type { LogFieldMap, LogValue } from './logPayload';
import {
    ENTRY_KEY,
    readStoredEntry,
    type ReadingBounds,
    type SaveFailure,
    type StoredEntry
} from './storedEntry';

export type { SaveFailure } from './storedEntry';

/** The part of `window.localStorage` the outbox uses; every call may throw (blocked, full). */
export interface OutboxStorage {
    readonly length: number;
    key(index: number): string | null;
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
}

export interface OutboxClock {
    now(): number;
    setTimeout(run: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
}

export const systemClock: OutboxClock = {
    now: () => Date.now(),
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

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

export interface OutboxOptions {
    storage: OutboxStorage | null;
    /** Whose logs these are (the worker SID): one softphone never sends another worker's logs. */
    owner: string;
    clock?: OutboxClock;
    /** saveLog: resolves with the saved record's Id, rejects with {code, description, details}. */
    save: (value: LogValue) => Promise<string>;
    /** Called after each confirmed save (the integration refreshes Salesforce's view). */
    confirmed?: (recordId: string) => void;
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
    /** Where the log's Copilot and task values go (the configuration's activity_log_fields). */
    logFields?: LogFieldMap;
}

interface Confirmed {
    recordId: string;
    at: number;
}

const PREFIX = 'flexSalesforce.activityLog.v1';
/** setTimeout's largest delay: a longer one fires at once, in a loop. */
const MAX_TIMER_MS = 2_147_483_647;
const NEVER_SEND = ['Id', 'entityApiName'];
/** Salesforce's field errors for one log are a few hundred characters. */
const MAX_DETAILS_CHARS = 10_000;
/** Codes that mean the request itself is wrong: sending it again gives the same answer. */
const PERMANENT_CODES = new Set(['INVALID_PARAM', 'CLIENT_ERROR']);

export function failureOf(error: unknown): SaveFailure {
    const shape = (typeof error === 'object' && error !== null ? error : {}) as {
        code?: unknown;
        description?: unknown;
        details?: unknown;
        message?: unknown;
    };
    const code = typeof shape.code === 'string' ? shape.code : 'GENERIC_ERROR';
    const description =
        typeof shape.description === 'string'
            ? shape.description
            : typeof shape.message === 'string'
              ? shape.message
              : String(error);
    const details = storableDetails(shape.details);
    const fieldErrors = Array.isArray(details) && details.length > 0;
    return {
        code: code.slice(0, 100),
        description: description.slice(0, 1000),
        details,
        permanent: fieldErrors || PERMANENT_CODES.has(code)
    };
}

/** Salesforce's error details as stored: JSON, small; too large or not JSON, just the field names. */
function storableDetails(details: unknown): unknown {
    if (details === undefined || details === null) {
        return null;
    }
    let json: string | undefined;
    try {
        json = JSON.stringify(details);
    } catch {
        json = undefined;
    }
    if (json !== undefined && json.length <= MAX_DETAILS_CHARS) {
        return JSON.parse(json) as unknown;
    }
    if (!Array.isArray(details)) {
        return null;
    }
    return details
        .map((detail: unknown) =>
            typeof detail === 'object' && detail !== null
                ? (detail as { fieldName?: unknown }).fieldName
                : undefined
        )
        .filter((name): name is string => typeof name === 'string' && name.length <= 80)
        .slice(0, 50)
        .map((fieldName) => ({ fieldName }));
}

/** The fields Salesforce named in its refusal that the log could be saved without. */
export function droppableFields(failure: SaveFailure | null, value: LogValue): string[] {
    if (!failure?.permanent || !Array.isArray(failure.details)) {
        return [];
    }
    const named = failure.details
        .map((detail: unknown) =>
            typeof detail === 'object' && detail !== null
                ? (detail as { fieldName?: unknown }).fieldName
                : undefined
        )
        .filter((name): name is string => typeof name === 'string');
    return [...new Set(named)].filter(
        (name) => Object.prototype.hasOwnProperty.call(value, name) && !NEVER_SEND.includes(name)
    );
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
    private readonly rememberMs: number;
    private readonly rememberCount: number;
    private readonly confirmedTasks = new Map<string, Confirmed>();
    private readonly random: () => number;
    private sending: string | null = null;
    private timer: unknown = null;
    private timerAt = Infinity;
    private running = false;
    private warnedStorage = false;
    private discardedCount = 0;

    constructor(private readonly options: OutboxOptions) {
        this.clock = options.clock ?? systemClock;
        this.maxEntries = options.maxEntries ?? 100;
        this.firstRetryMs = options.firstRetryMs ?? 2000;
        this.maxRetryMs = options.maxRetryMs ?? 5 * 60_000;
        this.rememberMs = options.rememberMs ?? 3_600_000;
        this.rememberCount = options.rememberCount ?? 500;
        this.random = options.random ?? Math.random;
    }

    private get namespace(): string {
        return `${PREFIX}.${this.options.owner}.`;
    }

    private entryKey(key: string): string {
        return `${this.namespace}log.${key}`;
    }

    /**
     * Reads what earlier softphones left and starts sending it. Whatever is stored under this
     * worker's keys and is not a log this plugin wrote is removed and reported, never sent.
     */
    start(): void {
        this.running = true;
        this.probeStorage();
        const now = this.clock.now();
        const problems: string[] = [];
        for (const storageKey of this.storedKeys()) {
            if (storageKey === this.probeKey) {
                // Left by a start-up check whose removal failed: not a log, not worth a warning.
                this.remove(storageKey);
                continue;
            }
            const key = this.logKeyOf(storageKey);
            const reading =
                key === null
                    ? ({ kind: 'invalid', problem: 'not an activity-log key' } as const)
                    : readStoredEntry(this.read(storageKey), key, this.logFields, this.bounds(now));
            if (reading.kind === 'valid') {
                // A new start is a new chance: what waited out a backoff is sent now.
                reading.entry.nextAt = Math.min(reading.entry.nextAt, now);
                this.entries.set(reading.entry.key, reading.entry);
                if (reading.clamped) {
                    // Stored as bounded, so a far-future lease cannot slide forward on each read.
                    this.persist(reading.entry);
                }
            } else {
                this.remove(storageKey);
                problems.push(
                    `${storageKey.slice(this.namespace.length, 120)}: ${reading.problem}`
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

    private get logFields(): LogFieldMap {
        return this.options.logFields ?? DEFAULT_LOG_FIELDS;
    }

    private bounds(now: number): ReadingBounds {
        return { now, leaseMs: this.options.leaseMs, maxRetryMs: this.maxRetryMs };
    }

    /** The log key in a storage key of this worker, or null (the probe, or anything else). */
    private logKeyOf(storageKey: string): string | null {
        const prefix = `${this.namespace}log.`;
        const key = storageKey.startsWith(prefix) ? storageKey.slice(prefix.length) : null;
        return key !== null && ENTRY_KEY.test(key) ? key : null;
    }

    stop(): void {
        this.running = false;
        this.cancelTimer();
        this.listeners.clear();
    }

    /** Queues a task's log; `duplicate` when this task was already logged or is waiting. */
    add(key: string, value: LogValue): AddResult {
        if (this.entries.has(key) || this.confirmedId(key) !== null) {
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
        const recordId = this.confirmedId(key);
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

    /** Saves a refused log without the fields Salesforce named (e.g. a deleted related record). */
    retryWithout(key: string): void {
        const entry = this.entries.get(key);
        if (!entry) {
            return;
        }
        const dropped = new Set(droppableFields(entry.failure, entry.value));
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
                droppableFields: droppableFields(entry.failure, entry.value)
            }));
    }

    get size(): number {
        return this.entries.size;
    }

    subscribe(listener: () => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    /** The Id Salesforce gave this task's log, if it confirmed one. */
    confirmedId(key: string): string | null {
        const confirmed = this.confirmedTasks.get(key);
        if (!confirmed || this.clock.now() - confirmed.at > this.rememberMs) {
            return null;
        }
        return confirmed.recordId;
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
                this.wakeAt(entry.nextAt);
                return;
            }
            const claim = this.claim(entry, now);
            if (claim === 'gone') {
                continue;
            }
            if (claim === 'leased') {
                this.wakeAt(entry.leaseUntil);
                continue;
            }
            void this.send(entry);
            return;
        }
    }

    /** Takes the entry for this softphone, unless another one confirmed or is sending it. */
    private claim(entry: StoredEntry, now: number): 'mine' | 'gone' | 'leased' {
        if (!this.unkept.has(entry.key)) {
            const raw = this.read(this.entryKey(entry.key));
            const reading = readStoredEntry(raw, entry.key, this.logFields, this.bounds(now));
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
        const value: LogValue =
            entry.recordId === null ? entry.value : { ...entry.value, Id: entry.recordId };
        let refused = false;
        try {
            const recordId = await this.options.save(value);
            this.settleConfirmed(entry, entry.recordId ?? recordId);
            this.options.confirmed?.(recordId);
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
        this.confirmedTasks.set(entry.key, { recordId, at: now });
        for (const oldest of this.confirmedTasks.keys()) {
            if (this.confirmedTasks.size <= this.rememberCount) break;
            this.confirmedTasks.delete(oldest);
        }
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
        this.remove(this.entryKey(entry.key));
    }

    private settleFailed(entry: StoredEntry, failure: SaveFailure): void {
        entry.attempts += 1;
        entry.failure = failure;
        entry.leaseUntil = 0;
        entry.nextAt = this.clock.now() + this.backoff(entry.attempts);
        this.persist(entry);
    }

    /** Doubling from the first delay up to the cap, with ±20% jitter so softphones spread out. */
    private backoff(attempts: number): number {
        const base = Math.min(this.maxRetryMs, this.firstRetryMs * 2 ** (attempts - 1));
        return Math.round(base * (0.8 + 0.4 * this.random()));
    }

    private wakeAt(at: number): void {
        if (this.timer !== null && this.timerAt <= at) {
            return;
        }
        this.cancelTimer();
        this.timerAt = at;
        this.timer = this.clock.setTimeout(
            () => {
                this.timer = null;
                this.timerAt = Infinity;
                this.pump();
            },
            Math.min(MAX_TIMER_MS, Math.max(0, at - this.clock.now()) || 0)
        );
    }

    private cancelTimer(): void {
        if (this.timer !== null) {
            this.clock.clearTimeout(this.timer);
            this.timer = null;
            this.timerAt = Infinity;
        }
    }

    private persist(entry: StoredEntry): boolean {
        if (this.unkept.has(entry.key)) {
            return false;
        }
        if (this.write(this.entryKey(entry.key), JSON.stringify(entry))) {
            return true;
        }
        this.unkept.add(entry.key);
        return false;
    }

    /**
     * Tells the agent at start-up, not at the first log, when this browser keeps nothing (storage
     * blocked for a third-party frame, or full): a write and its removal, under this owner's keys.
     */
    private probeStorage(): void {
        if (this.write(this.probeKey, '1')) {
            this.remove(this.probeKey);
        }
    }

    private get probeKey(): string {
        return `${this.namespace}probe`;
    }

    private storedKeys(): string[] {
        const keys: string[] = [];
        try {
            const storage = this.options.storage;
            for (let i = 0; storage && i < storage.length; i++) {
                const key = storage.key(i);
                if (key?.startsWith(this.namespace)) {
                    keys.push(key);
                }
            }
        } catch {
            this.storageFailed();
        }
        return keys;
    }

    private read(key: string): string | null {
        try {
            return this.options.storage?.getItem(key) ?? null;
        } catch {
            this.storageFailed();
            return null;
        }
    }

    private write(key: string, value: string): boolean {
        try {
            if (!this.options.storage) {
                this.storageFailed();
                return false;
            }
            this.options.storage.setItem(key, value);
            return true;
        } catch {
            this.storageFailed();
            return false;
        }
    }

    private remove(key: string): void {
        try {
            this.options.storage?.removeItem(key);
        } catch {
            this.storageFailed();
        }
    }

    private storageFailed(): void {
        if (!this.warnedStorage) {
            this.warnedStorage = true;
            this.options.problem?.({ kind: 'storage-unavailable' });
        }
    }

    private changed(): void {
        for (const listener of [...this.listeners]) {
            listener();
        }
    }
}
