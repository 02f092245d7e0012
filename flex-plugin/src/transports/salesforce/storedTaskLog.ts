/*
 * The Salesforce check of an activity log read back from browser storage: only what this plugin
 * writes is accepted (taskLog.ts): a Task create with the fields a log has, each within its field's
 * length, or an update of the saved Task with the fields late notes bring. Custom fields are
 * accepted under the name configured now or the package's own, so a changed
 * `activity_log_fields` does not drop waiting logs. Pure.
 */
import * as v from 'valibot';
import { DEFAULT_LOG_FIELDS } from '../../config/integrationConfig';
import { isSalesforceId, TASK_SID } from './lmsContract';
import type { LogFieldMap } from './taskLog';
import {
    MAX_CALL_DURATION_SECONDS,
    NEVER_WHAT_PREFIXES,
    NOTE_FIELD_LIMITS,
    TASK_FIELD_LIMITS,
    WHO_PREFIXES
} from './taskFieldLimits';

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

/** True for the Id Salesforce gives a saved Task. */
export function isTaskId(id: unknown): boolean {
    return isSalesforceId(id) && id.startsWith(TASK_PREFIX);
}

function firstProblem(issues: readonly v.BaseIssue<unknown>[]): string {
    const [issue] = issues;
    const path = issue ? v.getDotPath(issue) : null;
    return `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid'}`;
}

/** Why `value` is not a log this plugin writes (a create, or an update of a saved Task), or null. */
export function storedTaskLogProblem(
    value: unknown,
    kind: 'create' | 'update',
    key: string,
    fields: LogFieldMap
): string | null {
    const result = v.safeParse(
        kind === 'create' ? createSchema(fields) : updateSchema(fields),
        value
    );
    if (!result.success) {
        return firstProblem(result.issues);
    }
    const stored = result.output as Record<string, unknown>;
    const namedTask = namesOf(fields, 'task_sid').find(
        (name) => name in stored && stored[name] !== key
    );
    return namedTask ? `${namedTask} names another task` : null;
}
