/*
 * Pure helpers for the record picker: which objects it searches and which field names a record.
 */

export const DEFAULT_OBJECT_API_NAMES = 'Contact,Lead,Account,Case,Opportunity';

const OBJECT_API_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

/**
 * Standard objects whose display name is not the Name field.
 * @type {Record<string, string>}
 */
const NAME_FIELDS = {
    Case: 'CaseNumber',
    Contract: 'ContractNumber',
    Order: 'OrderNumber',
    WorkOrder: 'WorkOrderNumber',
    Task: 'Subject',
    Event: 'Subject'
};

/**
 * The admin's comma-separated list from App Builder, cleaned: trimmed, no blanks, no duplicates,
 * no invalid names. Falls back to the default list when nothing valid is left.
 * @param {string | null | undefined} value
 * @returns {string[]}
 */
export function parseObjectApiNames(value) {
    const names = String(value ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter((name) => OBJECT_API_NAME.test(name));
    const unique = [...new Set(names)];
    return unique.length ? unique : DEFAULT_OBJECT_API_NAMES.split(',');
}

/**
 * The field that holds a record's display name.
 * @param {string} objectApiName
 * @returns {string}
 */
export function nameFieldOf(objectApiName) {
    return ownText(NAME_FIELDS, objectApiName) ?? 'Name';
}

/**
 * The object's label as Salesforce gave it, else its API name: a name such as `constructor` or
 * `__proto__` from a message must never pick up a built-in property of the lookup object.
 * @param {Record<string, unknown>} labels
 * @param {string} objectApiName
 * @returns {string}
 */
export function objectLabelOf(labels, objectApiName) {
    return ownText(labels, objectApiName) ?? objectApiName;
}

/**
 * @param {Record<string, unknown>} map
 * @param {string} key
 * @returns {string | null}
 */
function ownText(map, key) {
    const value = Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
    return typeof value === 'string' && value.length ? value : null;
}

/**
 * The display name in a getRecord result, or null when the field is absent or empty.
 * @param {{fields?: Record<string, {value?: unknown}>} | undefined} record
 * @param {string} objectApiName
 * @returns {string | null}
 */
export function recordNameOf(record, objectApiName) {
    const value = record?.fields?.[nameFieldOf(objectApiName)]?.value;
    return typeof value === 'string' && value.length ? value : null;
}

/**
 * The record a console page shows, from a CurrentPageReference, or null on any other page.
 * @param {{type?: string, attributes?: Record<string, unknown>} | undefined} pageReference
 * @returns {{recordId: string, objectApiName: string} | null}
 */
export function recordOfPage(pageReference) {
    const attributes = pageReference?.attributes;
    if (pageReference?.type !== 'standard__recordPage' || !attributes) {
        return null;
    }
    const { recordId, objectApiName } = attributes;
    return typeof recordId === 'string' && typeof objectApiName === 'string'
        ? { recordId, objectApiName }
        : null;
}
