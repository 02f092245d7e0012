/*
 * The CRM port: what the capabilities (click-to-dial, screen pop, record selection, activity log,
 * agent UI) need from the CRM that hosts Flex, in the CRM's terms, not a transport's. Each way in
 * (Salesforce through Open CTI today; a postMessage bridge to any web app next) is one adapter that
 * implements it and owns everything CRM-specific: origins, record IDs, task attribute names, the
 * activity's field names, error codes. Capabilities import this module, never a transport (lint
 * enforces it). Optional members are capabilities a transport may not have.
 */
import type { TaskLike } from '../tasks/taskView';

/** A CRM record, as the capabilities see it: the CRM's id, its type, and a name to show. */
export interface RecordRef {
    recordId: string;
    /** The CRM's record type, e.g. Contact or My_Object__c in Salesforce. */
    objectApiName: string;
    name: string | null;
}

export type InteractionStatus = 'pending' | 'accepted' | 'wrapping' | 'completed' | 'canceled';
export const INTERACTION_STATUSES: readonly InteractionStatus[] = [
    'pending',
    'accepted',
    'wrapping',
    'completed',
    'canceled'
];
export type Direction = 'inbound' | 'outbound';

/** Display texts are at most this long, whatever the CRM sends. */
export const MAX_NAME_LENGTH = 255;

/** Why a record choice was refused, as the CRM's UI is told. */
export type ChoiceErrorCode =
    'INVALID_MESSAGE' | 'INVALID_RECORD_ID' | 'UNKNOWN_TASK' | 'ATTRIBUTE_WRITE_FAILED';

export interface ChoiceError {
    code: ChoiceErrorCode;
    message: string;
}

/** The interaction the agent is looking at, as the CRM's own UI shows it. */
export interface InteractionState {
    taskSid: string | null;
    status: InteractionStatus | null;
    direction: Direction | null;
    channel: string | null;
    customer: string | null;
    candidates: RecordRef[];
    selected: RecordRef | null;
    error: ChoiceError | null;
}

/** What the CRM's UI asks for, already checked by the adapter. */
export type RecordChoice =
    | { kind: 'sync' }
    | { kind: 'select'; taskSid: string | null; record: RecordRef }
    | { kind: 'clear'; taskSid: string | null }
    /** The message itself was wrong; `taskSid` when it named a well-formed one. */
    | {
          kind: 'invalid';
          code: 'INVALID_MESSAGE' | 'INVALID_RECORD_ID';
          problem: string;
          taskSid: string | null;
      };

/** A click on a phone number in the CRM: the number as displayed, and the record it belongs to. */
export interface DialRequest {
    number: unknown;
    record: RecordRef | null;
    /** Extra task attributes the CRM asks for, already limited to what its admin allows. */
    attributes?: Record<string, FlatValue>;
}

/** Why Flex did not place a call the CRM asked for. */
export type DialRefusal = 'invalid-number' | 'on-a-call' | 'call-pending' | 'offline';

/**
 * What became of a dial request, for a CRM that can tell whoever asked: placed (Flex started the
 * outbound call), refused (the agent's state or the number; the agent was told why), or failed
 * (Flex could not start the call).
 */
export type DialOutcome =
    | { kind: 'placed'; destination: string }
    | { kind: 'refused'; reason: DialRefusal; message: string }
    | { kind: 'failed'; message: string };

/** A flat attribute value, as a CRM may read or set it. */
export type FlatValue = string | number | boolean | null;

/** What a search for an interaction's records is about. */
export interface RecordSearch {
    query: string;
    /** The caller's number, to prefill a new record when the CRM finds nobody. */
    phone: string | null;
    /** The interaction searched for, for a CRM that decides on more than the query. */
    task?: TaskLike;
}

/** Agent Copilot's wrap-up notes, as far as an activity uses them. */
export interface CopilotNotes {
    summary: string | null;
    sentiment: string | null;
    dispositionCode: string | null;
    topicPath: string | null;
}

/** One finished interaction, in neutral terms; the adapter turns it into the CRM's activity. */
export interface ActivityInput {
    task: TaskLike;
    /** The record the agent linked (null: none). Absent: whatever the task attributes say. */
    record?: RecordRef | null;
    endedAt: Date;
    /** Seconds the agent spent on the interaction; null when unknown. */
    durationSeconds: number | null;
    /** IANA zone of the agent: the activity's date is the agent's calendar day. */
    timeZone: string;
    notes: CopilotNotes | null;
}

/** An activity as the CRM takes it: the adapter's fields, stored and sent as they are. */
export type ActivityValue = Record<string, string | number>;

/** Why the CRM did not save an activity (what the outbox keeps and shows). */
export interface SaveFailure {
    code: string;
    description: string;
    /** The fields the CRM named, as a list of {fieldName}. */
    details: unknown;
    /** Sending the same value again cannot succeed: kept for the agent, not retried on its own. */
    permanent: boolean;
}

/** The CRM's activities: how one is built, checked when read back, saved and updated. */
export interface ActivityStore {
    /** Where logs for this CRM wait in browser storage: another CRM's are never read as its own. */
    storagePrefix: string;
    build(input: ActivityInput): ActivityValue;
    /** The fields late notes add to an activity (waiting, or saved). */
    notesValue(notes: CopilotNotes): ActivityValue;
    /** Why a stored value is not one this adapter builds (create, or update of a saved one), or null. */
    storedValueProblem(value: unknown, kind: 'create' | 'update', key: string): string | null;
    /** True for an id the CRM gives a saved activity. */
    isActivityId(id: unknown): boolean;
    /** Fields a refused activity can never be saved without. */
    requiredFields: readonly string[];
    /** Saves a new activity; resolves with its id, rejects with a SaveFailure. */
    create(value: ActivityValue): Promise<string>;
    /**
     * Updates a saved activity; rejects with a SaveFailure. `key` is the interaction's (its task
     * SID), so the CRM can check the id is the one it gave that interaction's activity.
     */
    update(id: string, value: ActivityValue, key: string): Promise<void>;
}

/** What the agent's status looks like in the CRM's chrome (a utility bar, a badge). */
export type AgentState = 'available' | 'away' | 'ringing' | 'busy';

/** What happens to an interaction, as a CRM that follows them is told. */
export type InteractionEventName = 'offered' | 'accepted' | 'wrapping' | 'completed' | 'canceled';

/** Optional: a CRM that follows the agent's interactions and availability as events. */
export interface InteractionFeed {
    interaction(event: InteractionEventName, task: TaskLike, record: RecordRef | null): void;
    availability(activity: string, available: boolean): void;
    /** The further Flex events its admin forwards; `flexEvent` sends one. */
    readonly forwardedEvents: readonly string[];
    flexEvent(name: string, data: Record<string, FlatValue>): void;
    /** Answers the CRM's questions about the current state. */
    provideState(
        state: () => { tasks: TaskLike[]; activity: { name: string; available: boolean } | null }
    ): void;
}

/** Optional: Flex actions the CRM may invoke, as far as its admin allows. */
export interface ActionRequests {
    readonly allowed: readonly string[];
    /** The listener runs an allowed action; it rejects with the reason a request failed. */
    onRequest(listener: (name: string, payload: Record<string, unknown>) => Promise<void>): void;
}

/** Why the Flex activity is what it is, as a CRM that syncs presence is told. */
export type ActivityCause = 'agent' | 'sync' | 'current';

/** What a CRM that syncs presence asks of Flex, already checked by the adapter. */
export type PresenceRequest =
    /** Set this activity, unless the agent changed Flex since `basedOn` (that change wins). */
    | { kind: 'set'; activity: string; basedOn: string | null }
    /** Say which activity the agent has. */
    | { kind: 'query' }
    | { kind: 'invalid'; problem: string };

/**
 * Optional: presence sync. The CRM maps Flex activities to its own statuses (Salesforce: the
 * admin's Omni-Channel mapping); Flex tells it the activity and why, and takes its requests.
 */
export interface PresencePort {
    activityIs(activity: string, cause: ActivityCause): Promise<void>;
    /** Resolves with the unsubscribe once subscribed. */
    onRequest(listener: (request: PresenceRequest) => void): Promise<() => void>;
}

export interface CrmPort {
    /** For logs and messages: "Salesforce", "Acme CRM". */
    readonly name: string;
    /** The longest one CRM call may take before it counts as failed. */
    readonly timeoutMs: number;
    /**
     * Clicks on phone numbers; resolves once the CRM sends them. The listener never throws; a CRM
     * that can answer whoever asked tells them its outcome.
     */
    onDialRequest(listener: (request: DialRequest) => Promise<DialOutcome>): Promise<void>;
    openRecord(recordId: string): Promise<void>;
    /** Searches (and shows, as the CRM is set up to) the records of an interaction. */
    searchRecords(search: RecordSearch): Promise<RecordRef[]>;
    publishInteraction(state: InteractionState): Promise<void>;
    /** Choices made in the CRM's UI; resolves with the unsubscribe once subscribed. */
    onRecordChoice(listener: (choice: RecordChoice) => void): Promise<() => void>;
    /** The record a task's attributes link, as this CRM writes them (compatible with its flows). */
    linkedRecord(attributes: Record<string, unknown>): RecordRef | null;
    /** True when two ids name the same record (Salesforce: the 15- and 18-character forms). */
    sameRecord(a: string, b: string): boolean;
    /** The task attributes that link a record (all null to unlink). */
    linkAttributes(record: RecordRef | null): Record<string, string | null>;
    readonly activities: ActivityStore;
    /** Optional: a softphone panel the CRM can show. */
    readonly panel?: { isVisible(): Promise<boolean>; show(): Promise<void> };
    /** Optional: the agent's state in the CRM's chrome. */
    readonly status?: { show(state: AgentState, label: string): Promise<void> };
    /** Optional: stop the CRM moving the softphone (which would reload it and drop calls). */
    readonly popout?: { allow(allowed: boolean): Promise<void> };
    /** Optional: interaction and availability events for the CRM. */
    readonly feed?: InteractionFeed;
    /** Optional: Flex actions the CRM may invoke. */
    readonly actions?: ActionRequests;
    /** Optional: the agent's Flex activity kept in step with the CRM's presence. */
    readonly presence?: PresencePort;
}

/** A capability the CRM cannot provide after all (a script that did not load): turn it off. */
export class CrmCapabilityUnavailable extends Error {
    readonly description: string;

    constructor(description: string) {
        super(description);
        this.name = 'CrmCapabilityUnavailable';
        this.description = description;
    }
}

/** An action request the CRM sent that Flex will not run (not allowed, or a bad payload). */
export class ActionRefused extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'ActionRefused';
    }
}

/** The code, description and details of whatever a CRM call rejected with (any shape). */
export function failureParts(error: unknown): {
    code: string;
    description: string;
    details: unknown;
} {
    const shape = (typeof error === 'object' && error !== null ? error : {}) as {
        code?: unknown;
        description?: unknown;
        details?: unknown;
        message?: unknown;
    };
    return {
        code: typeof shape.code === 'string' ? shape.code : 'GENERIC_ERROR',
        description:
            typeof shape.description === 'string'
                ? shape.description
                : typeof shape.message === 'string'
                  ? shape.message
                  : String(error),
        details: shape.details ?? null
    };
}
