/*
 * What Salesforce enforces on the Task fields an activity log fills: a longer value or a wrong
 * relation makes it refuse the whole log, so every value is kept within these first. The check of
 * stored logs (storedEntry.ts) uses the same bounds, so no log the plugin writes is ever refused
 * when it is read back. Standard fields: Salesforce's
 * Object Reference for Task. The Copilot fields: the package's own Activity fields (logPayload.test.ts
 * checks these lengths against their metadata); an admin's own fields in `activity_log_fields` must
 * hold at least as much.
 */
export const TASK_FIELD_LIMITS = {
    Subject: 255,
    Phone: 40,
    CallObject: 255,
    CallDisposition: 255,
    Description: 32000
} as const;

/** By role in `activity_log_fields`. */
export const NOTE_FIELD_LIMITS = {
    sentiment: 80,
    topics: 255
} as const;

/** A TaskRouter task SID (WT + 32 hex), what `activity_log_fields.task_sid` receives. */
export const TASK_SID_LENGTH = 34;

/** CallDurationInSeconds is an integer field. */
export const MAX_CALL_DURATION_SECONDS = 2_147_483_647;

/**
 * Which Task field relates a log to a record, by the record ID's key prefix: WhoId takes a Contact
 * or a Lead; WhatId any other record except a User, a Task or an Event, which Salesforce refuses.
 */
export const WHO_PREFIXES: readonly string[] = ['003', '00Q'];
export const NEVER_WHAT_PREFIXES: readonly string[] = ['003', '00Q', '005', '00T', '00U'];
