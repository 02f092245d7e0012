/*
 * What to do with a click on a phone number in the CRM: pure, from the dial request and the agent's
 * state to either a call (destination + the record it is about) or a refusal with the reason.
 */
import type { CountryCode } from 'libphonenumber-js/min';
import type { DialRefusal, DialRequest, FlatValue, RecordRef } from '../crm/crmPort';
import { isLive, isVoice, type FlexSnapshot } from '../tasks/taskView';
import { toE164 } from './phoneNumber';

export type { DialRefusal };

/** Why, in words for whoever asked for the call (a host app), after "Flex did not call …: ". */
export const DIAL_REFUSAL_REASONS: Record<DialRefusal, string> = {
    'invalid-number': 'it is not a phone number',
    'on-a-call': 'the agent is on a call',
    'call-pending': 'another call is being connected',
    offline: 'the agent is offline in Flex'
};

export type DialDecision =
    | {
          kind: 'call';
          destination: string;
          record: RecordRef | null;
          attributes: Record<string, FlatValue>;
      }
    | { kind: 'refuse'; reason: DialRefusal; number: string };

export interface DialContext {
    snapshot: FlexSnapshot;
    /** An outbound call this plugin started and Flex has not yet turned into a task. */
    dialInProgress: boolean;
    defaultCountry: CountryCode;
}

function displayed(request: DialRequest): string {
    return typeof request.number === 'string' ? request.number.slice(0, 64) : '';
}

export function decideDial(request: DialRequest, context: DialContext): DialDecision {
    const number = displayed(request);
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
    const phone = toE164(request.number, context.defaultCountry);
    if (!phone.ok) {
        return { kind: 'refuse', reason: 'invalid-number', number };
    }
    return {
        kind: 'call',
        destination: phone.e164,
        record: request.record,
        attributes: request.attributes ?? {}
    };
}
