// saveLog as Salesforce checks it: only fields the Task object has, WhoId a Contact or Lead,
// WhatId anything else; errors come back as {code, description, details}.
import {
    isSalesforceId,
    toId18
} from '../../force-app/main/default/lwc/flexContract/flexContract.js';
import type { OpenCtiError } from '../opencti/protocol.ts';
import { isRecord } from '../opencti/protocol.ts';
import type { SandboxRecord } from './fixtures.ts';

/** Task fields an activity log may set, plus the custom fields the package ships. */
export const TASK_FIELDS = new Set([
    'Id',
    'entityApiName',
    'recordTypeId',
    'Subject',
    'Status',
    'Priority',
    'Type',
    'TaskSubtype',
    'ActivityDate',
    'Description',
    'Phone',
    'CallType',
    'CallDurationInSeconds',
    'CallObject',
    'CallDisposition',
    'WhoId',
    'WhatId',
    'OwnerId',
    'Flex_Task_Sid__c',
    'Flex_Sentiment__c',
    'Flex_Topics__c'
]);

const WHO_PREFIXES = ['003', '00Q'];

export type SaveLogResult =
    { ok: true; record: SandboxRecord; created: boolean } | { ok: false; error: OpenCtiError };

function fieldError(statusCode: string, fieldName: string, message: string): OpenCtiError {
    return {
        code: 'GENERIC_ERROR',
        description: message,
        details: [{ fieldName, statusCode, message }]
    };
}

let taskCounter = 0;

export function saveLog(records: SandboxRecord[], value: unknown): SaveLogResult {
    if (!isRecord(value)) {
        return {
            ok: false,
            error: {
                code: 'INVALID_PARAM',
                description: 'value must be an object of field values',
                details: []
            }
        };
    }
    const unknown = Object.keys(value).filter((field) => !TASK_FIELDS.has(field));
    if (unknown.length) {
        return {
            ok: false,
            error: {
                code: 'GENERIC_ERROR',
                description: `No such column '${unknown[0]}' on entity 'Task'.`,
                details: unknown.map((fieldName) => ({
                    fieldName,
                    statusCode: 'INVALID_FIELD',
                    message: `No such column '${fieldName}' on entity 'Task'.`
                }))
            }
        };
    }
    const existing =
        typeof value.Id === 'string'
            ? records.find((record) => record.Id === toId18(value.Id as string))
            : undefined;
    if (value.Id !== undefined && (!existing || existing.objectApiName !== 'Task')) {
        return {
            ok: false,
            error: fieldError(
                'INVALID_ID_FIELD',
                'Id',
                `invalid cross reference id: ${String(value.Id)}`
            )
        };
    }
    if (!existing && value.entityApiName !== 'Task') {
        return {
            ok: false,
            error: {
                code: 'INVALID_PARAM',
                description: 'entityApiName must be Task to create an activity log',
                details: []
            }
        };
    }
    for (const [field, mustBeWho] of [
        ['WhoId', true],
        ['WhatId', false]
    ] as const) {
        const related = value[field];
        if (related === undefined || related === null || related === '') {
            continue;
        }
        if (typeof related !== 'string' || !isSalesforceId(related)) {
            return {
                ok: false,
                error: fieldError(
                    'MALFORMED_ID',
                    field,
                    `${field}: id value of incorrect type: ${String(related)}`
                )
            };
        }
        const isWho = WHO_PREFIXES.includes(related.slice(0, 3));
        if (isWho !== mustBeWho) {
            return {
                ok: false,
                error: fieldError(
                    'FIELD_INTEGRITY_EXCEPTION',
                    field,
                    `${field === 'WhoId' ? 'Name ID' : 'Related To ID'}: id value of incorrect type: ${related}`
                )
            };
        }
        if (!records.some((record) => record.Id === toId18(related))) {
            return {
                ok: false,
                error: fieldError(
                    'INVALID_CROSS_REFERENCE_KEY',
                    field,
                    `invalid cross reference id: ${related}`
                )
            };
        }
    }
    const fields = Object.fromEntries(
        Object.entries(value)
            .filter(([field]) => !['Id', 'entityApiName', 'recordTypeId'].includes(field))
            .map(([field, fieldValue]) => [
                field,
                fieldValue === null || typeof fieldValue === 'boolean'
                    ? fieldValue
                    : String(fieldValue)
            ])
    ) as Record<string, string | boolean | null>;
    if (existing) {
        Object.assign(existing.fields, fields);
        existing.Name = String(existing.fields.Subject ?? existing.Name);
        return { ok: true, record: existing, created: false };
    }
    taskCounter += 1;
    const record: SandboxRecord = {
        Id: toId18('00T' + String(taskCounter).padStart(12, '0')) as string,
        objectApiName: 'Task',
        Name: String(fields.Subject ?? 'Call'),
        fields,
        phoneFields: []
    };
    records.push(record);
    return { ok: true, record, created: true };
}
