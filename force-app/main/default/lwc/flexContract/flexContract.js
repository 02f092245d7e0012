/*
 * The LMS contract between the record picker and the Flex plugin, as code.
 * The JSON Schemas in contracts/lms/ are the source of truth; tests prove these validators agree
 * with them. Pure JavaScript with no platform imports, so the Flex plugin can bundle this same file.
 */

/** Field names of Flex_Record_Selection__c, in contract order. */
export const SELECTION_FIELDS = Object.freeze([
    'action',
    'recordId',
    'objectApiName',
    'recordName',
    'taskSid'
]);

/** Field names of Flex_Interaction__c, in contract order. */
export const INTERACTION_FIELDS = Object.freeze([
    'taskSid',
    'status',
    'direction',
    'channel',
    'customer',
    'candidates',
    'selected',
    'error'
]);

/** Field names of Flex_Dial_Request__c, in contract order. */
export const DIAL_REQUEST_FIELDS = Object.freeze([
    'phoneNumber',
    'recordId',
    'objectApiName',
    'recordName'
]);
export const PHONE_NUMBER_PATTERN = /^[+0-9() .-]{3,40}$/;

/** Field names of Flex_Presence__c, in contract order. */
export const PRESENCE_FIELDS = Object.freeze(['type', 'activity', 'cause', 'basedOn']);
export const PRESENCE_TYPES = Object.freeze([
    'flexActivity',
    'setFlexActivity',
    'queryFlexActivity'
]);
export const PRESENCE_CAUSES = Object.freeze(['agent', 'sync', 'current']);
/** A Flex (TaskRouter) activity name: 1 to 64 characters, no control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
export const ACTIVITY_NAME_PATTERN = /^[^\u0000-\u001f\u007f]{1,64}$/u;

export const SELECTION_ACTIONS = Object.freeze(['select', 'clear', 'sync']);
export const INTERACTION_STATUSES = Object.freeze([
    'pending',
    'accepted',
    'wrapping',
    'completed',
    'canceled'
]);
export const DIRECTIONS = Object.freeze(['inbound', 'outbound']);

const ID_PATTERN = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;
/**
 * Key prefixes of standard objects: every ID of that object starts with them, and no ID of another
 * object does. Custom and other objects are not checked, beyond not carrying one of these.
 */
/** @type {Readonly<Record<string, string>>} */
export const STANDARD_KEY_PREFIXES = Object.freeze({
    Account: '001',
    Contact: '003',
    User: '005',
    Opportunity: '006',
    Lead: '00Q',
    Task: '00T',
    Event: '00U',
    Asset: '02i',
    Case: '500',
    Campaign: '701',
    Contract: '800',
    Order: '801'
});
const PREFIX_OWNERS = new Map(
    Object.entries(STANDARD_KEY_PREFIXES).map(([objectApiName, prefix]) => [prefix, objectApiName])
);
export const OBJECT_API_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
export const TASK_SID_PATTERN = /^WT[0-9a-f]{32}$/;
const ERROR_CODE_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
export const MAX_NAME_LENGTH = 255;
const MAX_CHANNEL_LENGTH = 80;
export const MAX_CANDIDATES = 200;
const MAX_ERROR_MESSAGE_LENGTH = 1000;

/**
 * The 3-character suffix Salesforce appends to a 15-character ID: one character per 5-character
 * chunk, encoding which of its characters are upper case.
 * @param {string} id15
 * @returns {string}
 */
export function idChecksum(id15) {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const c = id15.charAt(chunk * 5 + i);
            if (c >= 'A' && c <= 'Z') {
                bits += 1 << i;
            }
        }
        suffix += CHECKSUM_ALPHABET.charAt(bits);
    }
    return suffix;
}

/**
 * True for a 15-character ID, or an 18-character ID whose checksum matches.
 * @param {unknown} value
 * @returns {boolean}
 */
export function isSalesforceId(value) {
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
        return false;
    }
    return value.length === 15 || value.slice(15) === idChecksum(value.slice(0, 15));
}

/**
 * Why a valid ID cannot be a record of `objectApiName`, or null when its key prefix fits: a
 * standard object's ID starts with its prefix, and no other object's ID starts with one of those.
 * @param {string} recordId
 * @param {string} objectApiName
 * @returns {string | null}
 */
export function prefixProblem(recordId, objectApiName) {
    const expected = Object.prototype.hasOwnProperty.call(STANDARD_KEY_PREFIXES, objectApiName)
        ? STANDARD_KEY_PREFIXES[objectApiName]
        : null;
    const owner = PREFIX_OWNERS.get(recordId.slice(0, 3));
    if (expected !== null && !recordId.startsWith(expected)) {
        return `is not ${anId(objectApiName)} (${objectApiName} IDs start with ${expected})`;
    }
    if (expected === null && owner !== undefined) {
        return `is ${anId(owner)}, not ${anId(objectApiName)}`;
    }
    return null;
}

/** @param {string} objectApiName */
function anId(objectApiName) {
    return `${/^[AEIOU]/i.test(objectApiName) ? 'an' : 'a'} ${objectApiName} ID`;
}

/**
 * The case-insensitive-safe 18-character form of a valid ID.
 * @param {string} id
 * @returns {string}
 */
export function toId18(id) {
    return id.length === 18 ? id : id + idChecksum(id);
}

/**
 * Two IDs name the same record when their 15-character cores are equal (case-sensitive).
 * @param {string | null | undefined} a
 * @param {string | null | undefined} b
 * @returns {boolean}
 */
export function sameRecordId(a, b) {
    return typeof a === 'string' && typeof b === 'string' && a.slice(0, 15) === b.slice(0, 15);
}

/**
 * @typedef {{recordId: string, objectApiName: string, name: string | null}} RecordRef
 * @typedef {{code: string, message: string}} ContractError
 * @typedef {{
 *   taskSid: string | null, status: string | null, direction: string | null,
 *   channel: string | null, customer: string | null, candidates: RecordRef[],
 *   selected: RecordRef | null, error: ContractError | null
 * }} InteractionMessage
 * @typedef {{
 *   action: 'select' | 'clear' | 'sync', recordId: string | null, objectApiName: string | null,
 *   recordName: string | null, taskSid: string | null
 * }} SelectionMessage
 * @typedef {{ok: true, value: any} | {ok: false, error: string}} Validation
 * @typedef {{ok: true, value: any}
 *   | {ok: false, error: string, code: 'INVALID_MESSAGE' | 'INVALID_RECORD_ID'}} SelectionValidation
 */

/** @param {unknown} value */
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @param {unknown} value @param {number} max */
function isNullableString(value, max) {
    return value === null || (typeof value === 'string' && value.length <= max);
}

/**
 * @param {unknown} value
 * @param {readonly string[]} fields
 * @returns {string | null} what is wrong with the key set, or null
 */
function checkExactKeys(value, fields) {
    if (!isPlainObject(value)) {
        return 'message is not an object';
    }
    const keys = Object.keys(/** @type {object} */ (value));
    const unknown = keys.filter((k) => !fields.includes(k));
    if (unknown.length) {
        return `unknown field ${unknown[0]}`;
    }
    const missing = fields.filter((f) => !keys.includes(f));
    return missing.length ? `missing field ${missing[0]}` : null;
}

/**
 * @param {unknown} value
 * @param {string} where
 * @returns {string | null}
 */
function checkRecordRef(value, where) {
    const keyProblem = checkExactKeys(value, ['recordId', 'objectApiName', 'name']);
    if (keyProblem) {
        return `${where}: ${keyProblem}`;
    }
    const ref = /** @type {Record<string, unknown>} */ (value);
    if (!isSalesforceId(ref.recordId)) {
        return `${where}.recordId is not a valid Salesforce ID`;
    }
    if (typeof ref.objectApiName !== 'string' || !OBJECT_API_NAME_PATTERN.test(ref.objectApiName)) {
        return `${where}.objectApiName is not an object API name`;
    }
    const mismatch = prefixProblem(
        /** @type {string} */ (ref.recordId),
        /** @type {string} */ (ref.objectApiName)
    );
    if (mismatch) {
        return `${where}.recordId ${mismatch}`;
    }
    if (!isNullableString(ref.name, MAX_NAME_LENGTH)) {
        return `${where}.name is not a string of at most ${MAX_NAME_LENGTH} characters`;
    }
    return null;
}

/**
 * Validates a Flex_Interaction__c message against the contract.
 * @param {unknown} message
 * @returns {Validation}
 */
export function validateInteractionMessage(message) {
    const problem = interactionProblem(message);
    return problem ? { ok: false, error: problem } : { ok: true, value: message };
}

/** @param {unknown} message @returns {string | null} */
function interactionProblem(message) {
    const keyProblem = checkExactKeys(message, INTERACTION_FIELDS);
    if (keyProblem) {
        return keyProblem;
    }
    const m = /** @type {Record<string, any>} */ (message);
    if (
        m.taskSid !== null &&
        !(typeof m.taskSid === 'string' && TASK_SID_PATTERN.test(m.taskSid))
    ) {
        return 'taskSid is not a task SID';
    }
    if (m.status !== null && !INTERACTION_STATUSES.includes(m.status)) {
        return 'status is not a known status';
    }
    if (m.direction !== null && !DIRECTIONS.includes(m.direction)) {
        return 'direction is not inbound or outbound';
    }
    if (!isNullableString(m.channel, MAX_CHANNEL_LENGTH)) {
        return 'channel is not a string';
    }
    if (!isNullableString(m.customer, MAX_NAME_LENGTH)) {
        return 'customer is not a string';
    }
    if (!Array.isArray(m.candidates) || m.candidates.length > MAX_CANDIDATES) {
        return `candidates is not a list of at most ${MAX_CANDIDATES} records`;
    }
    for (let i = 0; i < m.candidates.length; i++) {
        const candidateProblem = checkRecordRef(m.candidates[i], `candidates[${i}]`);
        if (candidateProblem) {
            return candidateProblem;
        }
    }
    if (m.selected !== null) {
        const selectedProblem = checkRecordRef(m.selected, 'selected');
        if (selectedProblem) {
            return selectedProblem;
        }
    }
    if (m.error !== null) {
        const errorKeys = checkExactKeys(m.error, ['code', 'message']);
        if (errorKeys) {
            return `error: ${errorKeys}`;
        }
        if (typeof m.error.code !== 'string' || !ERROR_CODE_PATTERN.test(m.error.code)) {
            return 'error.code is not an error code';
        }
        if (
            typeof m.error.message !== 'string' ||
            m.error.message.length > MAX_ERROR_MESSAGE_LENGTH
        ) {
            return 'error.message is not a string';
        }
    }
    return null;
}

/**
 * Validates a Flex_Record_Selection__c message against the contract. A refusal carries the error
 * code the plugin answers with: INVALID_RECORD_ID only when the record ID of a select is wrong.
 * @param {unknown} message
 * @returns {SelectionValidation}
 */
export function validateSelectionMessage(message) {
    const problem = selectionProblem(message);
    return problem
        ? { ok: false, error: problem.error, code: problem.code }
        : { ok: true, value: message };
}

/**
 * @param {unknown} message
 * @returns {{error: string, code: 'INVALID_MESSAGE' | 'INVALID_RECORD_ID'} | null}
 */
function selectionProblem(message) {
    /** @param {string} error */
    const invalid = (error) => ({ error, code: /** @type {const} */ ('INVALID_MESSAGE') });
    /** @param {string} error */
    const badId = (error) => ({ error, code: /** @type {const} */ ('INVALID_RECORD_ID') });
    const keyProblem = checkExactKeys(message, SELECTION_FIELDS);
    if (keyProblem) {
        return invalid(keyProblem);
    }
    const m = /** @type {Record<string, any>} */ (message);
    if (!SELECTION_ACTIONS.includes(m.action)) {
        return invalid('action is not select, clear or sync');
    }
    if (
        m.taskSid !== null &&
        !(typeof m.taskSid === 'string' && TASK_SID_PATTERN.test(m.taskSid))
    ) {
        return invalid('taskSid is not a task SID');
    }
    if (m.action !== 'select') {
        return m.recordId === null && m.objectApiName === null && m.recordName === null
            ? null
            : invalid(`recordId, objectApiName and recordName must be null for ${m.action}`);
    }
    if (typeof m.objectApiName !== 'string' || !OBJECT_API_NAME_PATTERN.test(m.objectApiName)) {
        return invalid('objectApiName is not an object API name');
    }
    if (!isNullableString(m.recordName, MAX_NAME_LENGTH)) {
        return invalid(`recordName is not a string of at most ${MAX_NAME_LENGTH} characters`);
    }
    if (!isSalesforceId(m.recordId)) {
        return badId('recordId is not a valid Salesforce ID');
    }
    const mismatch = prefixProblem(m.recordId, m.objectApiName);
    return mismatch ? badId(`recordId ${mismatch}`) : null;
}

/**
 * @param {{recordId: string, objectApiName: string, recordName?: string | null, taskSid?: string | null}} choice
 * @returns {SelectionMessage}
 */
export function selectMessage({ recordId, objectApiName, recordName = null, taskSid = null }) {
    return {
        action: 'select',
        recordId,
        objectApiName,
        recordName: recordName ? recordName.slice(0, MAX_NAME_LENGTH) : null,
        taskSid
    };
}

/**
 * @param {string | null} taskSid
 * @returns {SelectionMessage}
 */
export function clearMessage(taskSid) {
    return { action: 'clear', recordId: null, objectApiName: null, recordName: null, taskSid };
}

/** @returns {SelectionMessage} */
export function syncMessage() {
    return { action: 'sync', recordId: null, objectApiName: null, recordName: null, taskSid: null };
}

/**
 * Validates a Flex_Dial_Request__c message against the contract.
 * @param {unknown} message
 * @returns {Validation}
 */
export function validateDialRequest(message) {
    const problem = dialRequestProblem(message);
    return problem ? { ok: false, error: problem } : { ok: true, value: message };
}

/** @param {unknown} message */
function dialRequestProblem(message) {
    const keyProblem = checkExactKeys(message, DIAL_REQUEST_FIELDS);
    if (keyProblem) {
        return keyProblem;
    }
    const m = /** @type {Record<string, any>} */ (message);
    if (typeof m.phoneNumber !== 'string' || !PHONE_NUMBER_PATTERN.test(m.phoneNumber)) {
        return 'phoneNumber is not a phone number';
    }
    if (m.recordId === null) {
        return m.objectApiName === null && m.recordName === null
            ? null
            : 'objectApiName and recordName must be null without a recordId';
    }
    if (!isSalesforceId(m.recordId)) {
        return 'recordId is not a valid Salesforce ID';
    }
    if (typeof m.objectApiName !== 'string' || !OBJECT_API_NAME_PATTERN.test(m.objectApiName)) {
        return 'objectApiName is not an object API name';
    }
    // As every other message: an Account or User ID labelled Contact is not a Contact.
    const mismatch = prefixProblem(m.recordId, m.objectApiName);
    if (mismatch) {
        return `recordId ${mismatch}`;
    }
    return isNullableString(m.recordName, MAX_NAME_LENGTH)
        ? null
        : `recordName is not a string of at most ${MAX_NAME_LENGTH} characters`;
}

/**
 * @param {{phoneNumber: string, recordId?: string | null, objectApiName?: string | null, recordName?: string | null}} request
 */
export function dialRequestMessage({
    phoneNumber,
    recordId = null,
    objectApiName = null,
    recordName = null
}) {
    return {
        phoneNumber,
        recordId,
        objectApiName: recordId ? objectApiName : null,
        recordName: recordId && recordName ? recordName.slice(0, MAX_NAME_LENGTH) : null
    };
}

/**
 * Validates a Flex_Presence__c message against the contract.
 * @param {unknown} message
 * @returns {Validation}
 */
export function validatePresenceMessage(message) {
    const problem = presenceProblem(message);
    return problem ? { ok: false, error: problem } : { ok: true, value: message };
}

/** @param {unknown} value */
function isActivityName(value) {
    return typeof value === 'string' && ACTIVITY_NAME_PATTERN.test(value);
}

/** @param {unknown} message */
function presenceProblem(message) {
    const keyProblem = checkExactKeys(message, PRESENCE_FIELDS);
    if (keyProblem) {
        return keyProblem;
    }
    const m = /** @type {Record<string, any>} */ (message);
    if (!PRESENCE_TYPES.includes(m.type)) {
        return `type must be one of ${PRESENCE_TYPES.join(', ')}`;
    }
    if (m.type === 'queryFlexActivity') {
        return m.activity === null && m.cause === null && m.basedOn === null
            ? null
            : 'activity, cause and basedOn must be null in queryFlexActivity';
    }
    if (!isActivityName(m.activity)) {
        return 'activity is not a Flex activity name (1 to 64 characters, no control characters)';
    }
    if (m.type === 'flexActivity') {
        if (!PRESENCE_CAUSES.includes(m.cause)) {
            return `cause must be one of ${PRESENCE_CAUSES.join(', ')} in flexActivity`;
        }
        return m.basedOn === null ? null : 'basedOn must be null in flexActivity';
    }
    if (m.cause !== null) {
        return 'cause must be null in setFlexActivity';
    }
    return m.basedOn === null || isActivityName(m.basedOn)
        ? null
        : 'basedOn is not a Flex activity name, or null';
}

/**
 * Flex's answer or news: the agent's Flex activity, and why it is what it is.
 * @param {string} activity
 * @param {'agent' | 'sync' | 'current'} cause
 */
export function flexActivityMessage(activity, cause) {
    return { type: 'flexActivity', activity, cause, basedOn: null };
}

/**
 * Salesforce asks Flex to set an activity; `basedOn` is the Flex activity it last heard of.
 * @param {string} activity
 * @param {string | null} basedOn
 */
export function setFlexActivityMessage(activity, basedOn) {
    return { type: 'setFlexActivity', activity, cause: null, basedOn };
}

/** Salesforce asks Flex which activity the agent has. */
export function queryFlexActivityMessage() {
    return { type: 'queryFlexActivity', activity: null, cause: null, basedOn: null };
}
