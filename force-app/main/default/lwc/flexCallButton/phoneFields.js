/*
 * Which numbers "Call with Flex" offers on a record: its phone fields (as the object describes
 * them) that hold something Flex can call, in label order. Pure: takes uiObjectInfoApi's object
 * info and uiRecordApi's record, returns data.
 */
import { PHONE_NUMBER_PATTERN } from 'c/flexContract';

/** More would not fit the card; records rarely have more than a handful of phone fields. */
export const MAX_PHONE_FIELDS = 10;

/**
 * The object's phone fields, as `Object.Field`, for getRecord's optionalFields; with its name field.
 * @param {any} objectInfo
 * @returns {string[]}
 */
export function fieldsToRead(objectInfo) {
    if (!objectInfo?.apiName || !objectInfo.fields) return [];
    return [...phoneFieldsOf(objectInfo).map((field) => field.apiName), nameFieldOf(objectInfo)]
        .filter(Boolean)
        .map((field) => `${objectInfo.apiName}.${field}`);
}

/** @param {any} objectInfo */
function phoneFieldsOf(objectInfo) {
    return Object.values(objectInfo.fields ?? {})
        .filter((field) => field?.dataType === 'Phone' && typeof field.apiName === 'string')
        .sort((a, b) => String(a.label).localeCompare(String(b.label)))
        .slice(0, MAX_PHONE_FIELDS);
}

/** @param {any} objectInfo */
function nameFieldOf(objectInfo) {
    const [name] = objectInfo.nameFields ?? [];
    return typeof name === 'string' && objectInfo.fields?.[name] ? name : null;
}

/**
 * The record's name, for the agent and for Flex.
 * @param {any} objectInfo
 * @param {any} record
 * @returns {string|null}
 */
export function recordNameOf(objectInfo, record) {
    const field = objectInfo ? nameFieldOf(objectInfo) : null;
    const value = field ? record?.fields?.[field]?.value : null;
    return typeof value === 'string' && value ? value : null;
}

/**
 * The numbers to offer: one per phone field that holds a callable number.
 * @param {any} objectInfo
 * @param {any} record
 * @returns {{field: string, label: string, number: string}[]}
 */
export function phoneChoices(objectInfo, record) {
    if (!objectInfo || !record?.fields) return [];
    return phoneFieldsOf(objectInfo)
        .map((field) => ({
            field: field.apiName,
            label: String(field.label ?? field.apiName),
            number: record.fields[field.apiName]?.value
        }))
        .filter(
            (choice) =>
                typeof choice.number === 'string' && PHONE_NUMBER_PATTERN.test(choice.number)
        );
}
