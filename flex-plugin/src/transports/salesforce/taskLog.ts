/*
 * What an activity log says in Salesforce: the `saveLog` value (Task fields) for one finished
 * task, as a pure function of the task, the time, the agent's time zone and (optionally) the
 * copilot's notes. WhoId for a Contact or Lead, WhatId for any other record a Task can relate to
 * (not a User, Task or Event), nothing when none was chosen. The Subject is English and the same
 * in every locale, so reports can group on it.
 */
import type { ActivityInput, ActivityValue, CopilotNotes } from '../../crm/crmPort';
import {
    calendarDay,
    channelKind,
    customerAddress,
    subjectOf,
    textOf as text
} from '../../tasks/interactionSummary';
import { directionOf } from '../../tasks/taskView';
import { linkedRecordOf } from './recordLink';
import {
    MAX_CALL_DURATION_SECONDS,
    NEVER_WHAT_PREFIXES,
    NOTE_FIELD_LIMITS,
    TASK_FIELD_LIMITS,
    WHO_PREFIXES
} from './taskFieldLimits';

/**
 * Where the package's custom Activity fields go; an admin may point them at their own fields or
 * turn one off with null (`activity_log_fields`).
 */
export interface LogFieldMap {
    task_sid: string | null;
    sentiment: string | null;
    topics: string | null;
}

export interface LogInput extends ActivityInput {
    fields: LogFieldMap;
}

export type LogValue = ActivityValue;

const clip = (value: string, field: keyof typeof TASK_FIELD_LIMITS) =>
    value.slice(0, TASK_FIELD_LIMITS[field]);

/** The Task field that relates the log to this record, or null when a Task cannot relate to it. */
export function relationField(recordId: string): 'WhoId' | 'WhatId' | null {
    const prefix = recordId.slice(0, 3);
    if (WHO_PREFIXES.includes(prefix)) {
        return 'WhoId';
    }
    return NEVER_WHAT_PREFIXES.includes(prefix) ? null : 'WhatId';
}

export function buildLogValue(input: LogInput): LogValue {
    const { task, notes, fields } = input;
    const kind = channelKind(task);
    const voice = kind === 'voice';
    const value: LogValue = {
        entityApiName: 'Task',
        Status: 'Completed',
        Subject: clip(subjectOf(task, kind), 'Subject'),
        ActivityDate: calendarDay(input.endedAt, input.timeZone),
        TaskSubtype: voice ? 'Call' : 'Task',
        Type: voice ? 'Call' : 'Other'
    };
    const address = customerAddress(task);
    if (address && (voice || kind === 'sms')) {
        value.Phone = clip(address, 'Phone');
    }
    if (voice) {
        value.CallType = directionOf(task) === 'outbound' ? 'Outbound' : 'Inbound';
        const callSid = text(task.attributes['call_sid']);
        if (callSid) {
            value.CallObject = clip(callSid, 'CallObject');
        }
    }
    if (input.durationSeconds !== null && Number.isFinite(input.durationSeconds)) {
        value.CallDurationInSeconds = Math.min(
            MAX_CALL_DURATION_SECONDS,
            Math.max(0, Math.round(input.durationSeconds))
        );
    }
    const record = input.record === undefined ? linkedRecordOf(task.attributes) : input.record;
    if (record) {
        const relation = relationField(record.recordId);
        if (relation) {
            value[relation] = record.recordId;
        }
    }
    if (fields.task_sid) {
        value[fields.task_sid] = task.taskSid;
    }
    return notes ? { ...value, ...notesFields(notes, fields) } : value;
}

/** The Task fields the copilot's notes fill; also what a late note writes onto a saved Task. */
export function notesFields(notes: CopilotNotes, fields: LogFieldMap): LogValue {
    const value: LogValue = {};
    if (notes.summary) {
        value.Description = clip(notes.summary, 'Description');
    }
    if (notes.dispositionCode) {
        value.CallDisposition = clip(notes.dispositionCode, 'CallDisposition');
    }
    if (fields.sentiment && notes.sentiment) {
        value[fields.sentiment] = notes.sentiment.slice(0, NOTE_FIELD_LIMITS.sentiment);
    }
    if (fields.topics && notes.topicPath) {
        value[fields.topics] = notes.topicPath.slice(0, NOTE_FIELD_LIMITS.topics);
    }
    return value;
}
