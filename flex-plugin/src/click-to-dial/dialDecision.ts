/*
 * What to do with a click on a phone number in Salesforce: pure, from the Open CTI payload and
 * the agent's state to either a call (destination + task attributes) or a refusal with the reason.
 */
import type { CountryCode } from 'libphonenumber-js/min';
import {
    isSalesforceId,
    MAX_NAME_LENGTH,
    OBJECT_API_NAME,
    prefixProblem
} from '../contract/lmsContract';
import type { ClickToDialPayload } from '../opencti/openCti';
import { linkAttributes, type LinkAttributes } from '../tasks/linkWriter';
import { isLive, isVoice, type FlexSnapshot } from '../tasks/taskView';
import { toE164 } from './phoneNumber';

export type DialRefusal = 'invalid-number' | 'on-a-call' | 'call-pending' | 'offline';

export type DialDecision =
    | { kind: 'call'; destination: string; taskAttributes: LinkAttributes | Record<string, never> }
    | { kind: 'refuse'; reason: DialRefusal; number: string };

export interface DialContext {
    snapshot: FlexSnapshot;
    /** An outbound call this plugin started and Flex has not yet turned into a task. */
    dialInProgress: boolean;
    defaultCountry: CountryCode;
}

/**
 * The record a click relates to; a person account is logged against its person contact. An ID
 * that cannot be a record of the object named with it links nothing (the call still goes out).
 */
function linkedRecord(payload: ClickToDialPayload) {
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

function nameOf(payload: ClickToDialPayload): string | null {
    return typeof payload.recordName === 'string' && payload.recordName
        ? payload.recordName.slice(0, MAX_NAME_LENGTH)
        : null;
}

function displayed(payload: ClickToDialPayload): string {
    return typeof payload.number === 'string' ? payload.number.slice(0, 64) : '';
}

export function decideDial(payload: ClickToDialPayload, context: DialContext): DialDecision {
    const number = displayed(payload);
    const { snapshot } = context;
    const activity = snapshot.activity;
    if (!activity || activity.name.toLowerCase() === 'offline') {
        return { kind: 'refuse', reason: 'offline', number };
    }
    const liveVoice = snapshot.tasks.filter((task) => isVoice(task) && isLive(task));
    if (snapshot.hasActiveCall || liveVoice.some((task) => task.status === 'accepted')) {
        return { kind: 'refuse', reason: 'on-a-call', number };
    }
    if (context.dialInProgress || liveVoice.some((task) => task.status === 'pending')) {
        return { kind: 'refuse', reason: 'call-pending', number };
    }
    const phone = toE164(payload.number, context.defaultCountry);
    if (!phone.ok) {
        return { kind: 'refuse', reason: 'invalid-number', number };
    }
    const record = linkedRecord(payload);
    return {
        kind: 'call',
        destination: phone.e164,
        taskAttributes: record ? linkAttributes(record) : {}
    };
}
