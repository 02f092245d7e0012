/*
 * The Salesforce Task for an activity Flex sends over the bridge: the same fields the Open CTI
 * path writes (the plugin's transports/salesforce/taskLog.ts), so reports do not change when an
 * org leaves Open CTI. WhoId for a Contact or Lead, WhatId for any other record a Task can relate
 * to. Pure: takes the activity, returns the fields.
 */
import { isSalesforceId } from 'c/flexContract';

/** Where the package's custom Activity fields are; an admin may point them elsewhere. */
export const DEFAULT_TASK_FIELDS = Object.freeze({
    taskSid: 'Flex_Task_Sid__c',
    sentiment: 'Flex_Sentiment__c',
    topics: 'Flex_Topics__c'
});

const LIMITS = Object.freeze({
    Subject: 255,
    Phone: 40,
    CallDisposition: 255,
    Description: 32000,
    sentiment: 80,
    topics: 255
});
const WHO_PREFIXES = ['003', '00Q'];
/** A Task cannot relate (WhatId) to a person, a user or another activity. */
const NEVER_WHAT_PREFIXES = ['003', '00Q', '005', '00T', '00U'];
const MAX_CALL_DURATION_SECONDS = 2147483647;

/** @param {unknown} value @param {number} max */
const clip = (value, max) => (typeof value === 'string' ? value.slice(0, max) : null);

/**
 * The Task field that relates the log to a record, or null when a Task cannot.
 * @param {string} recordId
 * @returns {'WhoId' | 'WhatId' | null}
 */
export function relationField(recordId) {
    const prefix = recordId.slice(0, 3);
    if (WHO_PREFIXES.includes(prefix)) {
        return 'WhoId';
    }
    return NEVER_WHAT_PREFIXES.includes(prefix) ? null : 'WhatId';
}

/**
 * Fields the notes (Agent Copilot) fill, on a new Task or later on a saved one.
 * @param {{summary?: string|null, disposition?: string|null, sentiment?: string|null, topics?: string|null}} notes
 * @param {{sentiment: string|null, topics: string|null}} fieldNames
 * @returns {Record<string, string>}
 */
export function noteFields(notes, fieldNames) {
    /** @type {Record<string, string>} */
    const fields = {};
    const summary = clip(notes.summary, LIMITS.Description);
    if (summary) fields.Description = summary;
    const disposition = clip(notes.disposition, LIMITS.CallDisposition);
    if (disposition) fields.CallDisposition = disposition;
    const sentiment = clip(notes.sentiment, LIMITS.sentiment);
    if (fieldNames.sentiment && sentiment) fields[fieldNames.sentiment] = sentiment;
    const topics = clip(notes.topics, LIMITS.topics);
    if (fieldNames.topics && topics) fields[fieldNames.topics] = topics;
    return fields;
}

/**
 * The Task's fields for a finished interaction.
 * @param {import('./types').Activity} activity
 * @param {{taskSid: string|null, sentiment: string|null, topics: string|null}} fieldNames
 * @returns {Record<string, string | number>}
 */
export function taskFields(activity, fieldNames = DEFAULT_TASK_FIELDS) {
    const voice = activity.channel === 'voice';
    /** @type {Record<string, string | number>} */
    const fields = {
        Subject: clip(activity.subject, LIMITS.Subject) ?? 'Interaction',
        Status: 'Completed',
        ActivityDate: activity.activityDate,
        TaskSubtype: voice ? 'Call' : 'Task',
        Type: voice ? 'Call' : 'Other'
    };
    const number = clip(activity.customerNumber, LIMITS.Phone);
    if (number && (voice || activity.channel === 'sms')) fields.Phone = number;
    if (voice && activity.direction) {
        fields.CallType = activity.direction === 'outbound' ? 'Outbound' : 'Inbound';
    }
    if (typeof activity.durationSeconds === 'number' && Number.isFinite(activity.durationSeconds)) {
        fields.CallDurationInSeconds = Math.min(
            MAX_CALL_DURATION_SECONDS,
            Math.max(0, Math.round(activity.durationSeconds))
        );
    }
    if (activity.recordId && isSalesforceId(activity.recordId)) {
        const relation = relationField(activity.recordId);
        if (relation) fields[relation] = activity.recordId;
    }
    if (fieldNames.taskSid) fields[fieldNames.taskSid] = activity.taskSid;
    return { ...fields, ...noteFields(activity, fieldNames) };
}
