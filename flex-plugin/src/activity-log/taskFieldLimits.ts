/*
 * The lengths Salesforce enforces on the Task fields an activity log fills: a longer value makes it
 * refuse the whole log, so every value is clipped to these first. Standard fields: Salesforce's
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
