/*
 * The LMS contract, imported from the Salesforce package itself so that the record picker and this
 * plugin run the very same validators (the JSON Schemas in contracts/lms/ are the source of truth;
 * the package's tests prove flexContract.js agrees with them). This module only adds TypeScript types.
 */
import * as contract from '../../../../force-app/main/default/lwc/flexContract/flexContract.js';

import type {
    ChoiceError,
    ChoiceErrorCode,
    InteractionState,
    InteractionStatus
} from '../../crm/crmPort';

export type { RecordRef } from '../../crm/crmPort';
/** The contract's shapes are the port's: the interaction the picker shows, and its error codes. */
export type SelectionErrorCode = ChoiceErrorCode;
export type ContractError = ChoiceError;
export type InteractionMessage = InteractionState;
export type { Direction, InteractionStatus } from '../../crm/crmPort';

export interface SelectionMessage {
    action: 'select' | 'clear' | 'sync';
    recordId: string | null;
    objectApiName: string | null;
    recordName: string | null;
    taskSid: string | null;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };
export type SelectionValidation =
    | { ok: true; value: SelectionMessage }
    | { ok: false; error: string; code: 'INVALID_MESSAGE' | 'INVALID_RECORD_ID' };

export const isSalesforceId: (value: unknown) => value is string = contract.isSalesforceId as (
    value: unknown
) => value is string;
export const toId18: (id: string) => string = contract.toId18;
export const sameRecordId: (a: string | null | undefined, b: string | null | undefined) => boolean =
    contract.sameRecordId;
export const validateSelectionMessage = contract.validateSelectionMessage as (
    message: unknown
) => SelectionValidation;
/** Why a valid ID cannot be a record of that object (its key prefix), or null. */
export const prefixProblem: (recordId: string, objectApiName: string) => string | null =
    contract.prefixProblem;
export const STANDARD_KEY_PREFIXES: Readonly<Record<string, string>> =
    contract.STANDARD_KEY_PREFIXES;
export const validateInteractionMessage = contract.validateInteractionMessage as (
    message: unknown
) => Validation<InteractionMessage>;
export const INTERACTION_STATUSES: readonly InteractionStatus[] =
    contract.INTERACTION_STATUSES as readonly InteractionStatus[];

export const OBJECT_API_NAME: RegExp = contract.OBJECT_API_NAME_PATTERN;
export const TASK_SID: RegExp = contract.TASK_SID_PATTERN;
export const MAX_NAME_LENGTH: number = contract.MAX_NAME_LENGTH;
export const MAX_CANDIDATES: number = contract.MAX_CANDIDATES;

export interface PresenceMessage {
    type: 'flexActivity' | 'setFlexActivity' | 'queryFlexActivity';
    activity: string | null;
    cause: 'agent' | 'sync' | 'current' | null;
    basedOn: string | null;
}
export const validatePresenceMessage = contract.validatePresenceMessage as (
    message: unknown
) => Validation<PresenceMessage>;
export const flexActivityMessage = contract.flexActivityMessage as (
    activity: string,
    cause: 'agent' | 'sync' | 'current'
) => PresenceMessage;
