/*
 * The Flex host bridge protocol: every message between a host app (through this SDK) and the Flex
 * plugin, and the checks each side runs on what it receives. One file, imported by both sides, with
 * no imports of its own, so the SDK and the plugin can never disagree about a shape.
 *
 * Two layers:
 * - the handshake, over window.postMessage with an exact target origin: the host's `hello`, Flex's
 *   `welcome` (carrying a private MessagePort) or `refuse`;
 * - everything after it, over that MessagePort: requests with ids, their responses, and events.
 */

export const PROTOCOL = 'flex-host-bridge';
/** The version this build speaks. A change that an older peer would misread bumps it. */
export const PROTOCOL_VERSION = 1;

/** The largest message either side accepts, as JSON characters: a bigger one is refused unread. */
export const MAX_MESSAGE_CHARS = 64 * 1024;
const MAX_ID = 64;
const MAX_TEXT = 255;
const MAX_LONG_TEXT = 32 * 1024;
const MAX_RECORDS = 50;
const MAX_ATTRIBUTES = 20;

/** A record in the host app: its id, its type (Customer, Ticket…) and a name to show. */
export interface BridgeRecord {
    recordId: string;
    objectApiName: string;
    name: string | null;
}

export type InteractionStatus = 'pending' | 'accepted' | 'wrapping' | 'completed' | 'canceled';
export type InteractionEventName = 'offered' | 'accepted' | 'wrapping' | 'completed' | 'canceled';
export type Direction = 'inbound' | 'outbound';
/** Attribute values a host may send or receive: flat and small. */
export type AttributeValue = string | number | boolean | null;

/** Who an interaction is with, as far as Flex knows. */
export interface Customer {
    number: string | null;
    name: string | null;
    address: string | null;
}

/** One interaction (a Flex task) as a host sees it. */
export interface Interaction {
    taskSid: string;
    channel: string;
    direction: Direction | null;
    status: InteractionStatus;
    customer: Customer;
    /** The task attributes the Flex admin exposes (`exposed_attributes`). */
    attributes: Record<string, AttributeValue>;
    record: BridgeRecord | null;
}

/** The finished interaction Flex asks the host to record. `activityKey` is stable across retries. */
export interface Activity {
    activityKey: string;
    taskSid: string;
    subject: string;
    channel: string;
    direction: Direction | null;
    /** ISO 8601 times; null when Flex did not see the start. */
    startedAt: string | null;
    endedAt: string;
    durationSeconds: number | null;
    /** The agent's calendar day (YYYY-MM-DD) in their time zone. */
    activityDate: string;
    customerNumber: string | null;
    disposition: string | null;
    summary: string | null;
    sentiment: string | null;
    topics: string | null;
    recordId: string | null;
    recordType: string | null;
}

/** Late notes for an activity the host already acknowledged. */
export type ActivityChanges = Partial<
    Pick<Activity, 'summary' | 'sentiment' | 'topics' | 'disposition'>
>;

/** The record chooser's state, as a host that shows its own chooser needs it. */
export interface ChooserState {
    taskSid: string | null;
    status: InteractionStatus | null;
    direction: Direction | null;
    channel: string | null;
    /** Who the interaction is with, for display. */
    customer: string | null;
    candidates: BridgeRecord[];
    selected: BridgeRecord | null;
    error: { code: string; message: string } | null;
}

// ---- What each side can ask the other -------------------------------------------------------

/** Requests the host sends to Flex, their parameters and results. */
export interface FlexMethods {
    dial: {
        params: {
            number: string;
            record?: BridgeRecord | null;
            attributes?: Record<string, AttributeValue>;
        };
        result: { accepted: true };
    };
    linkRecord: {
        params: { taskSid?: string | null; record: BridgeRecord | null };
        result: { accepted: true };
    };
    invokeAction: {
        params: { name: string; payload?: Record<string, unknown> };
        result: { done: true };
    };
    getState: {
        params: Record<string, never>;
        result: { interactions: Interaction[]; availability: Availability | null };
    };
    /**
     * Presence sync: set the agent's Flex activity, unless the agent changed Flex since `basedOn`
     * (the activity the host last heard of; that newer change wins). Flex answers at once; what it
     * did arrives as a `presence` event.
     */
    setActivity: {
        params: { activity: string; basedOn?: string | null };
        result: { accepted: true };
    };
}

/** Requests Flex sends to the host. */
export interface HostMethods {
    /** `interaction` is null when Flex searches for a query alone. */
    search: {
        params: { query: string; interaction: Interaction | null };
        result: { records: BridgeRecord[] };
    };
    saveActivity: { params: { activity: Activity }; result: { activityId: string } };
    /**
     * `taskSid` is the Flex task the activity was saved for: a host accepts the update only for an
     * id it gave that task's activity (Flex plugins before it was added send none).
     */
    updateActivity: {
        params: { activityId: string; changes: ActivityChanges; taskSid?: string };
        result: { done: true };
    };
    openRecord: {
        params: { record: { recordId: string; objectApiName: string | null } };
        result: { done: true };
    };
    showFlex: { params: Record<string, never>; result: { done: true } };
    /** Answered by the SDK itself, from the iframe's size: is Flex on screen? */
    isFlexVisible: { params: Record<string, never>; result: { visible: boolean } };
    /** Answered by the SDK itself: the chooser's state, for the host's `chooser` listeners. */
    chooser: { params: ChooserState; result: { done: true } };
}

export interface Availability {
    activity: string;
    available: boolean;
}

/** Why the Flex activity is what it is: the agent's change, the host's request, or an answer. */
export type PresenceCause = 'agent' | 'sync' | 'current';

/** Events Flex sends to the host. */
export interface HostEvents {
    /**
     * An interaction's step, for every channel: `offered` (it rings: Flex's taskReceived),
     * `accepted`, `wrapping`, `completed`, `canceled` (the customer left before it was
     * accepted). `interaction.record` is the record linked at that moment.
     */
    interaction: { event: InteractionEventName; interaction: Interaction };
    /** The agent's Flex activity, once at connection and at every change. */
    availability: Availability;
    /** Presence sync (when its admin turned it on): follow only `cause: 'agent'`, never echo `sync`. */
    presence: { activity: string; cause: PresenceCause };
    /**
     * A Flex task event the admin forwards (`forwarded_events`), as
     * `{ name, data: { taskSid, status, channel } }`.
     */
    flexEvent: { name: string; data: Record<string, AttributeValue> };
}

export type FlexMethodName = keyof FlexMethods;
export type HostMethodName = keyof HostMethods;
export type HostEventName = keyof HostEvents;

export const FLEX_METHODS: readonly FlexMethodName[] = [
    'dial',
    'linkRecord',
    'invokeAction',
    'getState',
    'setActivity'
];
export const HOST_METHODS: readonly HostMethodName[] = [
    'search',
    'saveActivity',
    'updateActivity',
    'openRecord',
    'showFlex',
    'isFlexVisible',
    'chooser'
];
export const HOST_EVENTS: readonly HostEventName[] = [
    'interaction',
    'availability',
    'presence',
    'flexEvent'
];

/** Why a request failed. REFUSED carries a reason for the agent; the others are the bridge's. */
export type ErrorCode =
    | 'INVALID_MESSAGE'
    | 'UNKNOWN_METHOD'
    | 'NOT_ALLOWED'
    | 'NOT_SUPPORTED'
    | 'REFUSED'
    | 'FAILED'
    | 'TIMEOUT'
    | 'DISCONNECTED';
export const ERROR_CODES: readonly ErrorCode[] = [
    'INVALID_MESSAGE',
    'UNKNOWN_METHOD',
    'NOT_ALLOWED',
    'NOT_SUPPORTED',
    'REFUSED',
    'FAILED',
    'TIMEOUT',
    'DISCONNECTED'
];

export interface WireError {
    code: ErrorCode;
    message: string;
    /** With REFUSED: the fields the host could not take, when it can name them. */
    fields?: string[];
}

// ---- The messages --------------------------------------------------------------------------

export interface Hello {
    protocol: typeof PROTOCOL;
    type: 'hello';
    version: number;
    /** The host methods this host answers; Flex turns off what needs a missing one. */
    handles: HostMethodName[];
    /** One per connection attempt: Flex answers each attempt once, however many hellos it sends. */
    attempt: string;
}
/** Flex, framed by an allowed host, says it is listening (so the host need not wait for its next hello). */
export interface Ready {
    protocol: typeof PROTOCOL;
    type: 'ready';
    version: number;
}
export interface Welcome {
    protocol: typeof PROTOCOL;
    type: 'welcome';
    version: number;
    /** The hello's attempt this welcome answers. */
    attempt: string;
    /** The actions and events the admin allows this host. */
    allowedActions: string[];
    forwardedEvents: string[];
}
export interface Refuse {
    protocol: typeof PROTOCOL;
    type: 'refuse';
    /** The hello's attempt this refusal answers: a host ignores refusals of attempts it did not make. */
    attempt: string;
    code: 'VERSION_MISMATCH' | 'INVALID_MESSAGE';
    message: string;
    versions: number[];
}

/**
 * The event Flex sends on a port it is about to close because the same page greeted it again
 * (a second connectFlex, a remounted app): the newest connection wins, the older one is told.
 * The SDK handles it itself; it is not one of the events a host listens to.
 */
export const CLOSING_EVENT = 'closing';
export interface Closing {
    reason: 'replaced';
}

export interface Request {
    kind: 'request';
    id: string;
    method: string;
    params: unknown;
}
export type Response =
    | { kind: 'response'; id: string; ok: true; result: unknown }
    | { kind: 'response'; id: string; ok: false; error: WireError };
export interface EventMessage {
    kind: 'event';
    name: string;
    data: unknown;
}
export type PortMessage = Request | Response | EventMessage;

// ---- Checks ---------------------------------------------------------------------------------

/** What a check returns: the value, typed, or the first problem in words. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (problem: string): { ok: false; problem: string } => ({ ok: false, problem });

function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    // Plain data from any realm (a message is built in the receiver's): not a class instance.
    const proto = Object.getPrototypeOf(value) as object | null;
    return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Keys that, own on plain data, would reach an object's prototype when copied naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The size of `data` as JSON characters, or a problem: data that is not plain, or that has an own
 * `__proto__`, `constructor` or `prototype` key at any depth (refused whole, never cleaned).
 */
function sizeOf(data: unknown): { size: number } | { problem: string } {
    let forbidden: string | null = null;
    let json: string | undefined;
    try {
        json = JSON.stringify(data, function (this: unknown, key, value: unknown) {
            if (forbidden === null && FORBIDDEN_KEYS.has(key)) forbidden = key;
            return value;
        });
    } catch {
        return { problem: 'a message must be plain data' };
    }
    if (forbidden !== null) return { problem: `a message may not have a field named ${forbidden}` };
    return { size: json === undefined ? 0 : json.length };
}

function onlyKeys(
    value: Record<string, unknown>,
    allowed: readonly string[],
    where: string
): string | null {
    for (const key of Object.keys(value)) {
        if (!allowed.includes(key)) return `${where} has an unknown field "${key.slice(0, 40)}"`;
    }
    return null;
}

function text(value: unknown, where: string, max = MAX_TEXT, min = 1): string | null {
    if (typeof value !== 'string') return `${where} must be a string`;
    if (value.length < min || value.length > max)
        return `${where} must be ${min} to ${max} characters`;
    return null;
}

/** A Flex activity name: 1 to 64 characters, no control characters. */
const ACTIVITY_NAME = /^[^\u0000-\u001f\u007f]{1,64}$/u;

function activityName(value: unknown, where: string): string | null {
    return typeof value === 'string' && ACTIVITY_NAME.test(value)
        ? null
        : `${where} must be a Flex activity name (1 to 64 characters, no control characters)`;
}

function nullableText(value: unknown, where: string, max = MAX_TEXT): string | null {
    return value === null ? null : text(value, where, max, 0);
}

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const TASK_SID = /^WT[0-9a-f]{32}$/;
const ATTRIBUTE_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const ACTION_NAME = /^[A-Z][A-Za-z]{1,63}$/;
const ATTEMPT = /^[A-Za-z0-9]{8,64}$/;
/** A Flex action or event name: SetActivity, taskUpdated. */
const NAME = /^[A-Za-z][A-Za-z0-9]{1,63}$/;

/** A record reference: ids and types are short, printable, and carry no markup. */
export function checkRecord(value: unknown, where = 'record'): Checked<BridgeRecord> {
    if (!isPlainObject(value)) return bad(`${where} must be an object`);
    const problem =
        onlyKeys(value, ['recordId', 'objectApiName', 'name'], where) ??
        (typeof value.recordId === 'string' && ID.test(value.recordId)
            ? null
            : `${where}.recordId must be 1 to ${MAX_ID} letters, digits or _ . : -`) ??
        (typeof value.objectApiName === 'string' && ID.test(value.objectApiName)
            ? null
            : `${where}.objectApiName must be 1 to ${MAX_ID} letters, digits or _ . : -`) ??
        (value.name === undefined ? null : nullableText(value.name, `${where}.name`));
    if (problem) return bad(problem);
    return ok({
        recordId: value.recordId as string,
        objectApiName: value.objectApiName as string,
        name: (value.name as string | null | undefined) ?? null
    });
}

export function checkAttributes(
    value: unknown,
    where = 'attributes'
): Checked<Record<string, AttributeValue>> {
    if (!isPlainObject(value)) return bad(`${where} must be an object`);
    const entries = Object.entries(value);
    if (entries.length > MAX_ATTRIBUTES)
        return bad(`${where} may have at most ${MAX_ATTRIBUTES} fields`);
    for (const [key, item] of entries) {
        if (!ATTRIBUTE_KEY.test(key)) return bad(`${where} has a field name that is not allowed`);
        const type = typeof item;
        if (!(
            item === null ||
            type === 'boolean' ||
            (type === 'number' && Number.isFinite(item))
        )) {
            const problem = text(item, `${where}.${key}`, MAX_TEXT, 0);
            if (problem) return bad(problem);
        }
    }
    return ok(value as Record<string, AttributeValue>);
}

export function isTaskSid(value: unknown): value is string {
    return typeof value === 'string' && TASK_SID.test(value);
}

function taskSidOrNull(value: unknown, where: string): string | null {
    return value === undefined || value === null || isTaskSid(value)
        ? null
        : `${where} must be a task SID (WT followed by 32 hex digits) or null`;
}

/** A host's request to Flex: known method, checked parameters. */
export function checkFlexRequest(
    method: string,
    params: unknown
): Checked<
    { [M in FlexMethodName]: { method: M; params: FlexMethods[M]['params'] } }[FlexMethodName]
> {
    if (!(FLEX_METHODS as readonly string[]).includes(method))
        return bad(`unknown method "${method.slice(0, 40)}"`);
    if (!isPlainObject(params)) return bad(`${method}: params must be an object`);
    switch (method) {
        case 'dial': {
            const problem =
                onlyKeys(params, ['number', 'record', 'attributes'], 'dial') ??
                text(params.number, 'dial.number', 40) ??
                (params.record === undefined || params.record === null
                    ? null
                    : checkRecordProblem(params.record, 'dial.record')) ??
                (params.attributes === undefined
                    ? null
                    : checkAttributesProblem(params.attributes, 'dial.attributes'));
            return problem
                ? bad(problem)
                : ok({ method, params: params as FlexMethods['dial']['params'] });
        }
        case 'linkRecord': {
            const problem =
                onlyKeys(params, ['taskSid', 'record'], 'linkRecord') ??
                taskSidOrNull(params.taskSid, 'linkRecord.taskSid') ??
                (params.record === null
                    ? null
                    : params.record === undefined
                      ? 'linkRecord.record must be a record or null'
                      : checkRecordProblem(params.record, 'linkRecord.record'));
            return problem
                ? bad(problem)
                : ok({ method, params: params as FlexMethods['linkRecord']['params'] });
        }
        case 'invokeAction': {
            const problem =
                onlyKeys(params, ['name', 'payload'], 'invokeAction') ??
                (typeof params.name === 'string' && ACTION_NAME.test(params.name)
                    ? null
                    : 'invokeAction.name must be a Flex action name such as SetActivity') ??
                (params.payload === undefined || isPlainObject(params.payload)
                    ? null
                    : 'invokeAction.payload must be an object');
            return problem
                ? bad(problem)
                : ok({ method, params: params as FlexMethods['invokeAction']['params'] });
        }
        case 'setActivity': {
            const problem =
                onlyKeys(params, ['activity', 'basedOn'], 'setActivity') ??
                activityName(params.activity, 'setActivity.activity') ??
                (params.basedOn === undefined || params.basedOn === null
                    ? null
                    : activityName(params.basedOn, 'setActivity.basedOn'));
            return problem
                ? bad(problem)
                : ok({ method, params: params as FlexMethods['setActivity']['params'] });
        }
        default: {
            const problem = onlyKeys(params, [], method);
            return problem ? bad(problem) : ok({ method: 'getState', params: {} });
        }
    }
}

function checkRecordProblem(value: unknown, where: string): string | null {
    const checked = checkRecord(value, where);
    return checked.ok ? null : checked.problem;
}

function checkAttributesProblem(value: unknown, where: string): string | null {
    const checked = checkAttributes(value, where);
    return checked.ok ? null : checked.problem;
}

/** A host's answer to one of Flex's requests. */
export function checkHostResult<M extends HostMethodName>(
    method: M,
    result: unknown
): Checked<HostMethods[M]['result']> {
    if (!isPlainObject(result)) return bad(`the answer to ${method} must be an object`);
    switch (method) {
        case 'search': {
            const records = result.records;
            if (!Array.isArray(records)) return bad('search: records must be a list');
            if (records.length > MAX_RECORDS) return bad(`search: at most ${MAX_RECORDS} records`);
            const checked: BridgeRecord[] = [];
            for (const [index, record] of records.entries()) {
                const one = checkRecord(record, `search.records[${index}]`);
                if (!one.ok) return one;
                checked.push(one.value);
            }
            return ok({ records: checked } as HostMethods[M]['result']);
        }
        case 'saveActivity':
            return typeof result.activityId === 'string' && ID.test(result.activityId)
                ? ok({ activityId: result.activityId } as HostMethods[M]['result'])
                : bad(`saveActivity: activityId must be 1 to ${MAX_ID} letters, digits or _ . : -`);
        case 'isFlexVisible':
            return typeof result.visible === 'boolean'
                ? ok({ visible: result.visible } as HostMethods[M]['result'])
                : bad('isFlexVisible: visible must be true or false');
        default:
            return ok({ done: true } as HostMethods[M]['result']);
    }
}

// ---- Shapes of what Flex sends the host, field by field ---------------------------------------

/** Checks one value; returns the problem in words, or null. */
type Spec = (value: unknown, where: string) => string | null;

const optional =
    (spec: Spec): Spec =>
    (value, where) =>
        value === undefined ? null : spec(value, where);
const orNull =
    (spec: Spec): Spec =>
    (value, where) =>
        value === null ? null : spec(value, where);
const str =
    (max: number, min = 0): Spec =>
    (value, where) =>
        text(value, where, max, min);
const pattern =
    (re: RegExp, what: string): Spec =>
    (value, where) =>
        typeof value === 'string' && re.test(value) ? null : `${where} must be ${what}`;
const oneOf =
    (...values: unknown[]): Spec =>
    (value, where) =>
        values.includes(value) ? null : `${where} must be one of ${values.join(', ')}`;
const count: Spec = (value, where) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10_000_000
        ? null
        : `${where} must be a whole number`;
const bool: Spec = (value, where) =>
    typeof value === 'boolean' ? null : `${where} must be true or false`;
const recordSpec: Spec = (value, where) => {
    const checked = checkRecord(value, where);
    return checked.ok ? null : checked.problem;
};
const attributesSpec: Spec = (value, where) => {
    const checked = checkAttributes(value, where);
    return checked.ok ? null : checked.problem;
};
const listOf =
    (spec: Spec, max: number): Spec =>
    (value, where) => {
        if (!Array.isArray(value) || value.length > max)
            return `${where} must be a list of at most ${max}`;
        for (const [index, item] of value.entries()) {
            const problem = spec(item, `${where}[${index}]`);
            if (problem) return problem;
        }
        return null;
    };
/** An object with exactly these fields (a spec that takes undefined makes one optional). */
const shape =
    (fields: Record<string, Spec>): Spec =>
    (value, where) => {
        if (!isPlainObject(value)) return `${where} must be an object`;
        const unknown = onlyKeys(value, Object.keys(fields), where);
        if (unknown) return unknown;
        for (const [name, spec] of Object.entries(fields)) {
            const problem = spec(value[name], `${where}.${name}`);
            if (problem) return problem;
        }
        return null;
    };

const taskSidSpec = pattern(TASK_SID, 'a task SID');
const idSpec = pattern(ID, `1 to ${MAX_ID} letters, digits or _ . : -`);
const statusSpec = oneOf('pending', 'accepted', 'wrapping', 'completed', 'canceled');
const directionSpec = orNull(oneOf('inbound', 'outbound'));
const isoTime = pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/, 'an ISO 8601 UTC time');

const INTERACTION: Spec = shape({
    taskSid: taskSidSpec,
    channel: str(80, 1),
    direction: directionSpec,
    status: statusSpec,
    customer: shape({
        number: orNull(str(MAX_TEXT)),
        name: orNull(str(MAX_TEXT)),
        address: orNull(str(MAX_TEXT))
    }),
    attributes: attributesSpec,
    record: orNull(recordSpec)
});

const NOTE_FIELDS = {
    disposition: orNull(str(MAX_TEXT)),
    summary: orNull(str(MAX_LONG_TEXT)),
    sentiment: orNull(str(MAX_TEXT)),
    topics: orNull(str(1000))
};

const ACTIVITY: Spec = shape({
    activityKey: idSpec,
    taskSid: taskSidSpec,
    subject: str(MAX_TEXT, 1),
    channel: str(80, 1),
    direction: directionSpec,
    startedAt: orNull(isoTime),
    endedAt: isoTime,
    durationSeconds: orNull(count),
    activityDate: pattern(/^\d{4}-\d{2}-\d{2}$/, 'a day such as 2026-12-04'),
    customerNumber: orNull(str(MAX_TEXT)),
    recordId: orNull(idSpec),
    recordType: orNull(idSpec),
    ...NOTE_FIELDS
});

const CHOOSER: Spec = shape({
    taskSid: orNull(taskSidSpec),
    status: orNull(statusSpec),
    direction: directionSpec,
    channel: orNull(str(80)),
    customer: orNull(str(MAX_TEXT)),
    candidates: listOf(recordSpec, MAX_RECORDS),
    selected: orNull(recordSpec),
    error: orNull(shape({ code: str(64, 1), message: str(1000) }))
});

const EMPTY: Spec = shape({});

const HOST_REQUEST_PARAMS: Record<HostMethodName, Spec> = {
    search: shape({ query: str(MAX_LONG_TEXT, 1), interaction: orNull(INTERACTION) }),
    saveActivity: shape({ activity: ACTIVITY }),
    updateActivity: shape({
        activityId: idSpec,
        taskSid: optional(taskSidSpec),
        changes: shape(
            Object.fromEntries(
                Object.entries(NOTE_FIELDS).map(([name, spec]) => [name, optional(spec)])
            )
        )
    }),
    openRecord: shape({ record: shape({ recordId: idSpec, objectApiName: orNull(idSpec) }) }),
    showFlex: EMPTY,
    isFlexVisible: EMPTY,
    chooser: CHOOSER
};

const HOST_EVENT_DATA: Record<HostEventName, Spec> = {
    interaction: shape({
        event: oneOf('offered', 'accepted', 'wrapping', 'completed', 'canceled'),
        interaction: INTERACTION
    }),
    availability: shape({ activity: str(64, 1), available: bool }),
    presence: shape({
        activity: pattern(ACTIVITY_NAME, 'a Flex activity name'),
        cause: oneOf('agent', 'sync', 'current')
    }),
    flexEvent: shape({ name: pattern(NAME, 'a Flex event name'), data: attributesSpec })
};

/** An event from Flex, as the host receives it: a known event with data of its shape. */
export function checkHostEvent(
    name: string,
    data: unknown
): Checked<{ name: HostEventName; data: unknown }> {
    if (!(HOST_EVENTS as readonly string[]).includes(name))
        return bad(`unknown event "${name.slice(0, 40)}"`);
    const problem = HOST_EVENT_DATA[name as HostEventName](data, name);
    return problem ? bad(problem) : ok({ name: name as HostEventName, data });
}

/** A request from Flex, as the host receives it: known method, parameters of its shape. */
export function checkHostRequest(
    method: string,
    params: unknown
): Checked<{ method: HostMethodName; params: unknown }> {
    if (!(HOST_METHODS as readonly string[]).includes(method))
        return bad(`unknown method "${method.slice(0, 40)}"`);
    const problem = HOST_REQUEST_PARAMS[method as HostMethodName](params, method);
    return problem ? bad(problem) : ok({ method: method as HostMethodName, params });
}

const MAX_INTERACTIONS = 50;
const ACCEPTED: Spec = shape({ accepted: oneOf(true) });
const DONE: Spec = shape({ done: oneOf(true) });

const FLEX_RESULTS: Record<FlexMethodName, Spec> = {
    dial: ACCEPTED,
    linkRecord: ACCEPTED,
    invokeAction: DONE,
    setActivity: ACCEPTED,
    getState: shape({
        interactions: listOf(INTERACTION, MAX_INTERACTIONS),
        availability: orNull(HOST_EVENT_DATA.availability)
    })
};

/** Flex's answer to one of the host's requests, as the host receives it: of its method's shape. */
export function checkFlexResult<M extends FlexMethodName>(
    method: M,
    result: unknown
): Checked<FlexMethods[M]['result']> {
    const measured = sizeOf(result);
    if ('problem' in measured) return bad(`${method}: ${measured.problem}`);
    const problem = FLEX_RESULTS[method](result, method);
    return problem ? bad(problem) : ok(result as FlexMethods[M]['result']);
}

/** The largest handshake message: a hello, ready, welcome or refuse is a few hundred characters. */
const MAX_HANDSHAKE_CHARS = 8 * 1024;
const HANDSHAKE_FIELDS: Record<string, readonly string[]> = {
    hello: ['protocol', 'type', 'version', 'handles', 'attempt'],
    ready: ['protocol', 'type', 'version'],
    welcome: ['protocol', 'type', 'version', 'attempt', 'allowedActions', 'forwardedEvents'],
    refuse: ['protocol', 'type', 'attempt', 'code', 'message', 'versions']
};

/**
 * A handshake message (window.postMessage), from either side, checked as strictly as any other:
 * known fields only, no own `__proto__`, `constructor` or `prototype` key, at most 8 KB.
 */
export function checkHandshake(data: unknown): Checked<Hello | Ready | Welcome | Refuse> {
    if (!isPlainObject(data) || data.protocol !== PROTOCOL)
        return bad('not a Flex host bridge message');
    const type = typeof data.type === 'string' ? data.type : '';
    const fields = Object.prototype.hasOwnProperty.call(HANDSHAKE_FIELDS, type)
        ? HANDSHAKE_FIELDS[type]
        : undefined;
    if (!fields) return bad('unknown handshake type');
    const measured = sizeOf(data);
    if ('problem' in measured) return bad(measured.problem);
    if (measured.size > MAX_HANDSHAKE_CHARS)
        return bad(`a handshake message may be at most ${MAX_HANDSHAKE_CHARS} characters`);
    const unknown = onlyKeys(data, fields, type);
    if (unknown) return bad(unknown);
    if (type !== 'refuse' && !Number.isInteger(data.version))
        return bad('version must be a whole number');
    const attemptOk = typeof data.attempt === 'string' && ATTEMPT.test(data.attempt);
    switch (type) {
        case 'hello': {
            const handles = data.handles;
            if (
                !Array.isArray(handles) ||
                handles.length > HOST_METHODS.length ||
                !handles.every((name) => (HOST_METHODS as readonly unknown[]).includes(name))
            ) {
                return bad('hello.handles must list host methods');
            }
            if (!attemptOk) return bad('hello.attempt must be 8 to 64 letters or digits');
            return ok(data as unknown as Hello);
        }
        case 'ready':
            return ok(data as unknown as Ready);
        case 'welcome': {
            const lists = [data.allowedActions, data.forwardedEvents];
            const names = (list: unknown) =>
                Array.isArray(list) &&
                list.length <= 50 &&
                list.every((item) => typeof item === 'string' && NAME.test(item));
            return lists.every(names) && attemptOk
                ? ok(data as unknown as Welcome)
                : bad('welcome: allowedActions and forwardedEvents must be lists of names');
        }
        default: {
            const problem =
                text(data.message, 'refuse.message', 500) ??
                (attemptOk ? null : 'refuse.attempt must name the hello it answers') ??
                (data.code === 'VERSION_MISMATCH' || data.code === 'INVALID_MESSAGE'
                    ? null
                    : 'refuse.code must be VERSION_MISMATCH or INVALID_MESSAGE') ??
                (Array.isArray(data.versions) &&
                data.versions.length <= 10 &&
                data.versions.every((version) => Number.isInteger(version))
                    ? null
                    : 'refuse.versions must list whole numbers');
            return problem ? bad(problem) : ok(data as unknown as Refuse);
        }
    }
}

/** The closing event's data (Flex is about to close this port). */
export function checkClosing(data: unknown): Checked<Closing> {
    if (!isPlainObject(data)) return bad('closing: data must be an object');
    const problem = onlyKeys(data, ['reason'], CLOSING_EVENT);
    if (problem) return bad(problem);
    return data.reason === 'replaced'
        ? ok({ reason: 'replaced' })
        : bad('closing.reason must be replaced');
}

/** A message on the private port: its envelope (id, kind, method or event name). */
export function checkPortMessage(data: unknown): Checked<PortMessage> {
    if (!isPlainObject(data)) return bad('a message must be an object');
    const measured = sizeOf(data);
    if ('problem' in measured) return bad(measured.problem);
    if (measured.size > MAX_MESSAGE_CHARS)
        return bad(`a message may be at most ${MAX_MESSAGE_CHARS} characters`);
    switch (data.kind) {
        case 'request':
            return typeof data.id === 'string' &&
                ID.test(data.id) &&
                typeof data.method === 'string' &&
                data.method.length <= 64
                ? ok({ kind: 'request', id: data.id, method: data.method, params: data.params })
                : bad('a request needs an id and a method');
        case 'response': {
            if (!(typeof data.id === 'string' && ID.test(data.id)))
                return bad('a response needs the id of its request');
            if (data.ok === true)
                return ok({ kind: 'response', id: data.id, ok: true, result: data.result });
            const error = data.error;
            if (
                data.ok === false &&
                isPlainObject(error) &&
                (ERROR_CODES as readonly unknown[]).includes(error.code) &&
                !text(error.message, 'error.message', 1000)
            ) {
                const fields =
                    Array.isArray(error.fields) &&
                    error.fields.length <= MAX_ATTRIBUTES &&
                    error.fields.every(
                        (field) => typeof field === 'string' && ATTRIBUTE_KEY.test(field)
                    )
                        ? { fields: error.fields as string[] }
                        : {};
                return ok({
                    kind: 'response',
                    id: data.id,
                    ok: false,
                    error: {
                        code: error.code as ErrorCode,
                        message: error.message as string,
                        ...fields
                    }
                });
            }
            return bad('a failed response needs an error code and message');
        }
        case 'event':
            return typeof data.name === 'string' && data.name.length <= 64
                ? ok({ kind: 'event', name: data.name, data: data.data })
                : bad('an event needs a name');
        default:
            return bad('kind must be request, response or event');
    }
}
