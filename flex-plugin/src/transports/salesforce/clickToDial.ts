/*
 * Open CTI's onClickToDial payload as the port's dial request: the number as displayed, and the
 * record it was clicked on. A person account is logged against its person contact; an ID that
 * cannot be a record of the object named with it links nothing (the call still goes out). Pure.
 */
import type { DialRequest, RecordRef } from '../../crm/crmPort';
import { isSalesforceId, MAX_NAME_LENGTH, OBJECT_API_NAME, prefixProblem } from './lmsContract';
import type { ClickToDialPayload } from './openCtiApi';

function nameOf(payload: ClickToDialPayload): string | null {
    return typeof payload.recordName === 'string' && payload.recordName
        ? payload.recordName.slice(0, MAX_NAME_LENGTH)
        : null;
}

function recordOf(payload: ClickToDialPayload): RecordRef | null {
    if (
        payload.personAccount === true &&
        isSalesforceId(payload.contactId) &&
        prefixProblem(payload.contactId, 'Contact') === null
    ) {
        return { recordId: payload.contactId, objectApiName: 'Contact', name: nameOf(payload) };
    }
    if (
        isSalesforceId(payload.recordId) &&
        typeof payload.objectType === 'string' &&
        OBJECT_API_NAME.test(payload.objectType) &&
        prefixProblem(payload.recordId, payload.objectType) === null
    ) {
        return {
            recordId: payload.recordId,
            objectApiName: payload.objectType,
            name: nameOf(payload)
        };
    }
    return null;
}

export function dialRequestOf(payload: unknown): DialRequest {
    const clicked = (
        typeof payload === 'object' && payload !== null ? payload : {}
    ) as ClickToDialPayload;
    return { number: clicked.number, record: recordOf(clicked) };
}
