/*
 * The activity a host app records for a finished interaction: built from the interaction, kept
 * flat (as the outbox stores it), turned into the protocol's Activity when sent, and checked when
 * read back from storage: only what this module builds is accepted. Pure.
 */
import type { Activity, ActivityChanges } from '../../../../packages/flex-host-sdk/src/protocol.ts';
import type { ActivityInput, ActivityValue, CopilotNotes } from '../../crm/crmPort';
import {
    calendarDay,
    channelKind,
    customerAddress,
    subjectOf
} from '../../tasks/interactionSummary';
import { channelOf, directionOf } from '../../tasks/taskView';
import { isLightningHost } from '../salesforce/salesforceOrigin';
import { isTaskId } from '../salesforce/storedTaskLog';
import { hostLinkedRecord } from './hostRecordLink';

const TASK_SID = /^WT[0-9a-f]{32}$/;
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A day and a half: no interaction is longer. */
const MAX_DURATION_SECONDS = 129_600;

type FieldCheck = (value: unknown) => boolean;
const text =
    (max: number): FieldCheck =>
    (value) =>
        typeof value === 'string' && value.length <= max;
const matches =
    (pattern: RegExp): FieldCheck =>
    (value) =>
        typeof value === 'string' && pattern.test(value);

const NOTE_FIELDS: Record<keyof ActivityChanges, FieldCheck> = {
    summary: text(32_000),
    sentiment: text(255),
    topics: text(1000),
    disposition: text(255)
};

const ACTIVITY_FIELDS: Record<keyof Activity, FieldCheck> = {
    activityKey: matches(TASK_SID),
    taskSid: matches(TASK_SID),
    subject: text(255),
    channel: text(80),
    direction: (value) => value === 'inbound' || value === 'outbound',
    startedAt: matches(ISO_TIME),
    endedAt: matches(ISO_TIME),
    durationSeconds: (value) =>
        typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= 0 &&
        value <= MAX_DURATION_SECONDS,
    activityDate: matches(DAY),
    customerNumber: text(255),
    recordId: matches(ID),
    recordType: matches(ID),
    ...NOTE_FIELDS
};

export const REQUIRED_ACTIVITY_FIELDS = [
    'activityKey',
    'taskSid',
    'subject',
    'channel',
    'endedAt',
    'activityDate'
];

function notesOf(notes: CopilotNotes): ActivityValue {
    const value: ActivityValue = {};
    if (notes.summary) value.summary = notes.summary.slice(0, 32_000);
    if (notes.sentiment) value.sentiment = notes.sentiment.slice(0, 255);
    if (notes.topicPath) value.topics = notes.topicPath.slice(0, 1000);
    if (notes.dispositionCode) value.disposition = notes.dispositionCode.slice(0, 255);
    return value;
}

export function buildHostActivity(input: ActivityInput): ActivityValue {
    const { task, endedAt, durationSeconds } = input;
    const record = input.record === undefined ? hostLinkedRecord(task.attributes) : input.record;
    const kind = channelKind(task);
    const value: ActivityValue = {
        activityKey: task.taskSid,
        taskSid: task.taskSid,
        subject: subjectOf(task, kind).slice(0, 255),
        channel: channelOf(task) ?? 'unknown',
        endedAt: endedAt.toISOString(),
        activityDate: calendarDay(endedAt, input.timeZone)
    };
    const direction = directionOf(task);
    if (direction) value.direction = direction;
    if (durationSeconds !== null && durationSeconds >= 0) {
        value.durationSeconds = Math.min(Math.round(durationSeconds), MAX_DURATION_SECONDS);
        value.startedAt = new Date(endedAt.getTime() - value.durationSeconds * 1000).toISOString();
    }
    const address = customerAddress(task);
    if (address && (kind === 'voice' || kind === 'sms'))
        value.customerNumber = address.slice(0, 255);
    if (record) {
        value.recordId = record.recordId;
        value.recordType = record.objectApiName;
    }
    return input.notes ? { ...value, ...notesOf(input.notes) } : value;
}

export const hostNotesValue = notesOf;

/** The stored value as the host receives it: every field present, null where unknown. */
export function activityOf(value: ActivityValue): Activity {
    const pick = <K extends keyof Activity>(key: K) => (value[key] ?? null) as Activity[K];
    return {
        activityKey: pick('activityKey'),
        taskSid: pick('taskSid'),
        subject: pick('subject'),
        channel: pick('channel'),
        direction: pick('direction'),
        startedAt: pick('startedAt'),
        endedAt: pick('endedAt'),
        durationSeconds: pick('durationSeconds'),
        activityDate: pick('activityDate'),
        customerNumber: pick('customerNumber'),
        disposition: pick('disposition'),
        summary: pick('summary'),
        sentiment: pick('sentiment'),
        topics: pick('topics'),
        recordId: pick('recordId'),
        recordType: pick('recordType')
    };
}

export function changesOf(value: ActivityValue): ActivityChanges {
    const changes: ActivityChanges = {};
    for (const key of Object.keys(NOTE_FIELDS) as (keyof ActivityChanges)[]) {
        const field = value[key];
        if (typeof field === 'string') changes[key] = field;
    }
    return changes;
}

/** Why a value read back from storage is not one buildHostActivity or hostNotesValue made, or null. */
export function storedHostActivityProblem(
    value: unknown,
    kind: 'create' | 'update',
    key: string
): string | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return 'it is not an object of fields';
    }
    const fields: Record<string, FieldCheck> = kind === 'create' ? ACTIVITY_FIELDS : NOTE_FIELDS;
    for (const [name, field] of Object.entries(value)) {
        const check = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
        if (!check) return `it has a field this plugin does not write (${name.slice(0, 40)})`;
        if (!check(field)) return `its ${name} is not valid`;
    }
    if (kind === 'create') {
        const record = value as Record<string, unknown>;
        const missing = REQUIRED_ACTIVITY_FIELDS.find((name) => record[name] === undefined);
        if (missing) return `it has no ${missing}`;
        if (record.taskSid !== key || record.activityKey !== key)
            return 'it belongs to another task';
    }
    return null;
}

export const isHostActivityId = (id: unknown): id is string =>
    typeof id === 'string' && ID.test(id);

/**
 * What an id the host acknowledged looks like, for the host at `origin`: a Salesforce Task's Id
 * where the host is Salesforce (the Flex Softphone component in Lightning Experience), as the
 * Open CTI outbox checks it; any host id otherwise (the host checks its own, with the task SID
 * each update carries).
 */
export function hostActivityIdCheck(origin: string): (id: unknown) => boolean {
    let hostname = '';
    try {
        hostname = new URL(origin).hostname;
    } catch {
        // Not an origin: the plain check.
    }
    return isLightningHost(hostname) ? isTaskId : isHostActivityId;
}
