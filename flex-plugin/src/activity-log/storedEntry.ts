/*
 * An activity log as the outbox stores it, and the check every stored entry passes when it is read
 * back. Browser storage is outside input: another script on the Flex origin, an older plugin
 * version or a broken write can leave anything there. Only what this plugin itself writes is
 * accepted: a Task create with the fields a log has, or an update of a saved Task (00T…) with the
 * fields late notes bring; the inner key is the storage key's; numbers are numbers, and times in the
 * future are clamped so no backoff, lease or timer can run away. Pure: tested without storage.
 */
import * as v from 'valibot';
import { DEFAULT_LOG_FIELDS } from '../config/integrationConfig';
import { isSalesforceId, TASK_SID } from '../contract/lmsContract';
import type { LogFieldMap, LogValue } from './logPayload';
import {
    MAX_CALL_DURATION_SECONDS,
    NEVER_WHAT_PREFIXES,
    NOTE_FIELD_LIMITS,
    TASK_FIELD_LIMITS,
    WHO_PREFIXES
} from './taskFieldLimits';

/** Salesforce's refusal, as the agent sees it. */
export interface SaveFailure {
    code: string;
    description: string;
    /** Field errors, e.g. [{fieldName, statusCode, message}]. */
    details: unknown;
    /** Sending the same value again cannot succeed: kept for the agent, not retried on its own. */
    permanent: boolean;
}

export interface StoredEntry {
    v: 1;
    key: string;
    /** The saved Task's Id once the create is confirmed; later sends update it. */
    recordId: string | null;
    /** What the next send carries: the Task's fields, or the fields of an update. */
    value: LogValue;
    /** Fields that arrived while `value` was in flight, sent as an update afterwards. */
    followUp: LogValue | null;
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

export type EntryReading =
    /** `clamped`: a number was out of bounds and was brought within them. */
    { kind: 'valid'; entry: StoredEntry; clamped: boolean } | { kind: 'invalid'; problem: string };

/** An outbox key: a task SID in production; opaque, but short and plain. */
export const ENTRY_KEY = /^[A-Za-z0-9_-]{1,64}$/;
/** Far more than one log with a full Description and a full follow-up takes. */
export const MAX_ENTRY_CHARS = 300_000;
const MAX_ATTEMPTS = 10_000;
const MAX_FAILURE_TEXT = 1000;
/** Salesforce's error codes are short upper-case words; a longer one is clipped, not refused. */
const MAX_FAILURE_CODE = 100;
const TASK_PREFIX = '00T';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const recordIdWith = (fits: (prefix: string) => boolean, what: string) =>
    v.pipe(
        v.string(),
        v.check((id) => isSalesforceId(id) && fits(id.slice(0, 3)), `must be ${what}`)
    );

/** The field names each Copilot or trace value may be stored under: configured now, or the package's. */
function namesOf(fields: LogFieldMap, role: keyof LogFieldMap): string[] {
    return [...new Set([fields[role], DEFAULT_LOG_FIELDS[role]])].filter(
        (name): name is string => typeof name === 'string'
    );
}

function noteEntries(fields: LogFieldMap) {
    return {
        Description: v.optional(text(TASK_FIELD_LIMITS.Description)),
        CallDisposition: v.optional(text(TASK_FIELD_LIMITS.CallDisposition)),
        ...Object.fromEntries(
            namesOf(fields, 'sentiment').map((name) => [
                name,
                v.optional(text(NOTE_FIELD_LIMITS.sentiment))
            ])
        ),
        ...Object.fromEntries(
            namesOf(fields, 'topics').map((name) => [
                name,
                v.optional(text(NOTE_FIELD_LIMITS.topics))
            ])
        )
    };
}

/** What buildLogValue produces (some fields may have been dropped by "Save without"). */
function createSchema(fields: LogFieldMap) {
    return v.strictObject({
        entityApiName: v.literal('Task'),
        Status: v.optional(v.literal('Completed')),
        Subject: v.optional(text(TASK_FIELD_LIMITS.Subject)),
        ActivityDate: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
        TaskSubtype: v.optional(v.picklist(['Call', 'Task'])),
        Type: v.optional(v.picklist(['Call', 'Other'])),
        Phone: v.optional(text(TASK_FIELD_LIMITS.Phone)),
        CallType: v.optional(v.picklist(['Inbound', 'Outbound'])),
        CallObject: v.optional(text(TASK_FIELD_LIMITS.CallObject)),
        CallDurationInSeconds: v.optional(
            v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_CALL_DURATION_SECONDS))
        ),
        WhoId: v.optional(recordIdWith((p) => WHO_PREFIXES.includes(p), 'a Contact or Lead ID')),
        WhatId: v.optional(
            recordIdWith((p) => !NEVER_WHAT_PREFIXES.includes(p), 'the ID of a related record')
        ),
        ...Object.fromEntries(
            namesOf(fields, 'task_sid').map((name) => [
                name,
                v.optional(v.pipe(v.string(), v.regex(TASK_SID)))
            ])
        ),
        ...noteEntries(fields)
    });
}

/** What late notes write onto a saved Task. */
function updateSchema(fields: LogFieldMap) {
    return v.strictObject(noteEntries(fields));
}

const finite = v.pipe(v.number(), v.finite());

const FailureSchema = v.strictObject({
    code: v.string(),
    description: v.string(),
    details: v.unknown(),
    permanent: v.boolean()
});

function entrySchema(fields: LogFieldMap) {
    return {
        entry: v.strictObject({
            v: v.literal(1),
            key: v.pipe(v.string(), v.regex(ENTRY_KEY)),
            recordId: v.nullable(
                recordIdWith((p) => p === TASK_PREFIX, 'the ID of the saved Task (00T…)')
            ),
            value: v.record(v.string(), v.union([v.string(), v.number()])),
            followUp: v.nullable(updateSchema(fields)),
            subject: v.string(),
            attempts: v.pipe(v.number(), v.integer(), v.minValue(0)),
            nextAt: finite,
            leaseUntil: finite,
            failure: v.nullable(FailureSchema),
            createdAt: finite
        }),
        // A create until the Task is saved, an update of it after: never both, never another object.
        create: createSchema(fields),
        update: updateSchema(fields)
    };
}

const schemas = new Map<string, ReturnType<typeof entrySchema>>();

function schemaFor(fields: LogFieldMap): ReturnType<typeof entrySchema> {
    const id = JSON.stringify([fields.task_sid, fields.sentiment, fields.topics]);
    let schema = schemas.get(id);
    if (!schema) {
        schema = entrySchema(fields);
        schemas.set(id, schema);
    }
    return schema;
}

function firstProblem(issues: readonly v.BaseIssue<unknown>[], within = ''): string {
    const [issue] = issues;
    const path = [within, issue ? v.getDotPath(issue) : null].filter(Boolean).join('.');
    return `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid'}`;
}

/**
 * The entry stored under `key`, checked and with its numbers brought within bounds; `invalid` with
 * the first problem (for the console, never the raw text) for anything else.
 */
export function readStoredEntry(
    raw: string | null,
    key: string,
    fields: LogFieldMap,
    bounds: ReadingBounds
): EntryReading {
    if (raw === null) {
        return { kind: 'invalid', problem: 'nothing stored' };
    }
    if (raw.length > MAX_ENTRY_CHARS) {
        return { kind: 'invalid', problem: `larger than ${MAX_ENTRY_CHARS} characters` };
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        return { kind: 'invalid', problem: 'not JSON' };
    }
    const schema = schemaFor(fields);
    const result = v.safeParse(schema.entry, parsed);
    if (!result.success) {
        return { kind: 'invalid', problem: firstProblem(result.issues) };
    }
    const value = v.safeParse(
        result.output.recordId === null ? schema.create : schema.update,
        result.output.value
    );
    if (!value.success) {
        return { kind: 'invalid', problem: firstProblem(value.issues, 'value') };
    }
    const entry = result.output as StoredEntry;
    if (entry.key !== key) {
        return { kind: 'invalid', problem: 'its key is not the key it is stored under' };
    }
    const namedTask = namesOf(fields, 'task_sid').find(
        (name) => name in entry.value && entry.value[name] !== key
    );
    if (namedTask) {
        return { kind: 'invalid', problem: `value.${namedTask} names another task` };
    }
    const { now, leaseMs, maxRetryMs } = bounds;
    const bounded: StoredEntry = {
        ...entry,
        subject: entry.subject.slice(0, TASK_FIELD_LIMITS.Subject),
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
