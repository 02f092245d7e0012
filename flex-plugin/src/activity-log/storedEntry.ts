/*
 * An activity log as the outbox stores it, and the check every stored entry passes when it is read
 * back. Browser storage is outside input: another script on the Flex origin, an older plugin
 * version or a broken write can leave anything there. The envelope is checked here (the inner key
 * is the storage key's; numbers are numbers; times in the future are clamped, so no backoff, lease
 * or timer can run away); the activity inside is checked by the CRM's adapter, which alone knows
 * what it writes. Pure: tested without storage.
 */
import * as v from 'valibot';
import type { ActivityValue, SaveFailure } from '../crm/crmPort';

export interface StoredEntry {
    v: 1;
    key: string;
    /** The CRM's id of the saved activity once the create is confirmed; later sends update it. */
    recordId: string | null;
    /** What the next send carries: the activity, or the fields of an update. */
    value: ActivityValue;
    /** Fields that arrived while `value` was in flight, sent as an update afterwards. */
    followUp: ActivityValue | null;
    subject: string;
    attempts: number;
    nextAt: number;
    leaseUntil: number;
    failure: SaveFailure | null;
    createdAt: number;
}

/** What the time bounds of an entry read now are measured against. */
export interface ReadingBounds {
    now: number;
    /** A lease longer than this from now was not written by a softphone of this plugin. */
    leaseMs: number;
    /** Nor a retry further away than the longest backoff. */
    maxRetryMs: number;
}

/** The adapter's half of the check. */
export interface StoredValueChecks {
    storedValueProblem(value: unknown, kind: 'create' | 'update', key: string): string | null;
    isActivityId(id: unknown): boolean;
}

export type EntryReading =
    /** `clamped`: a number was out of bounds and was brought within them. */
    { kind: 'valid'; entry: StoredEntry; clamped: boolean } | { kind: 'invalid'; problem: string };

/** An outbox key: a task SID in production; opaque, but short and plain. */
export const ENTRY_KEY = /^[A-Za-z0-9_-]{1,64}$/;
/** Far more than one log with a full Description and a full follow-up takes. */
export const MAX_ENTRY_CHARS = 300_000;
const MAX_ATTEMPTS = 10_000;
/** What a stored failure's texts are clipped to (the outbox writes no more). */
export const MAX_FAILURE_CODE = 100;
export const MAX_FAILURE_TEXT = 1000;
const MAX_SUBJECT = 255;

/** Keys the plugin never writes, that a naive copy would put on a prototype. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const finite = v.pipe(v.number(), v.finite());

const FailureSchema = v.strictObject({
    code: v.string(),
    description: v.string(),
    details: v.unknown(),
    permanent: v.boolean()
});

const EntrySchema = v.strictObject({
    v: v.literal(1),
    key: v.pipe(v.string(), v.regex(ENTRY_KEY)),
    recordId: v.nullable(v.string()),
    value: v.record(v.string(), v.union([v.string(), v.number()])),
    followUp: v.nullable(v.record(v.string(), v.union([v.string(), v.number()]))),
    subject: v.string(),
    attempts: v.pipe(v.number(), v.integer(), v.minValue(0)),
    nextAt: finite,
    leaseUntil: finite,
    failure: v.nullable(FailureSchema),
    createdAt: finite
});

function firstProblem(issues: readonly v.BaseIssue<unknown>[]): string {
    const [issue] = issues;
    const path = issue ? v.getDotPath(issue) : null;
    return `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid'}`;
}

/**
 * The entry stored under `key`, checked and with its numbers brought within bounds; `invalid` with
 * the first problem (for the console, never the raw text) for anything else.
 */
export function readStoredEntry(
    raw: string | null,
    key: string,
    checks: StoredValueChecks,
    bounds: ReadingBounds
): EntryReading {
    if (raw === null) {
        return { kind: 'invalid', problem: 'nothing stored' };
    }
    if (raw.length > MAX_ENTRY_CHARS) {
        return { kind: 'invalid', problem: `larger than ${MAX_ENTRY_CHARS} characters` };
    }
    let parsed: unknown;
    let forbidden: string | null = null;
    try {
        // The schema below would drop such keys and pass the rest: an entry that has one is not
        // what this plugin writes, so it is refused whole.
        parsed = JSON.parse(raw, (name, value: unknown) => {
            if (forbidden === null && FORBIDDEN_KEYS.has(name)) forbidden = name;
            return value;
        });
    } catch {
        return { kind: 'invalid', problem: 'not JSON' };
    }
    if (forbidden !== null) {
        return { kind: 'invalid', problem: `it has a field named ${forbidden}` };
    }
    const result = v.safeParse(EntrySchema, parsed);
    if (!result.success) {
        return { kind: 'invalid', problem: firstProblem(result.issues) };
    }
    const entry = result.output as StoredEntry;
    if (entry.key !== key) {
        return { kind: 'invalid', problem: 'its key is not the key it is stored under' };
    }
    if (entry.recordId !== null && !checks.isActivityId(entry.recordId)) {
        return { kind: 'invalid', problem: 'recordId: not the id of a saved activity' };
    }
    // A create until the activity is saved, an update of it after: never both, never another record.
    const valueProblem = checks.storedValueProblem(
        entry.value,
        entry.recordId === null ? 'create' : 'update',
        key
    );
    const followUpProblem =
        entry.followUp === null ? null : checks.storedValueProblem(entry.followUp, 'update', key);
    if (valueProblem || followUpProblem) {
        return {
            kind: 'invalid',
            problem: valueProblem ? `value.${valueProblem}` : `followUp.${followUpProblem}`
        };
    }
    const { now, leaseMs, maxRetryMs } = bounds;
    const bounded: StoredEntry = {
        ...entry,
        subject: entry.subject.slice(0, MAX_SUBJECT),
        attempts: Math.min(entry.attempts, MAX_ATTEMPTS),
        nextAt: Math.min(entry.nextAt, now + maxRetryMs),
        leaseUntil: Math.min(Math.max(entry.leaseUntil, 0), now + leaseMs),
        createdAt: Math.min(entry.createdAt, now),
        failure: entry.failure && {
            ...entry.failure,
            code: entry.failure.code.slice(0, MAX_FAILURE_CODE),
            description: entry.failure.description.slice(0, MAX_FAILURE_TEXT)
        }
    };
    const clamped =
        bounded.attempts !== entry.attempts ||
        bounded.nextAt !== entry.nextAt ||
        bounded.leaseUntil !== entry.leaseUntil ||
        bounded.createdAt !== entry.createdAt;
    return { kind: 'valid', entry: bounded, clamped };
}
