/*
 * The admin's presence mapping (Flex_Presence_Mapping__mdt rows, as FlexPresenceMappings.getMappings
 * returns them) as two lookups: Flex activity → Omni-Channel state, and Omni-Channel state → Flex
 * activity. A row that cannot be used is left out and named in `problems`, for the admin. The
 * package's example rows apply only while the org has none of its own (an unlocked package's
 * upgrade resets its own records, so an admin's mapping lives in records the admin created). Pure.
 */
import { ACTIVITY_NAME_PATTERN } from 'c/flexContract';

/** The Omni-Channel state "logged out", as a key next to status API names (which have no colon). */
export const LOGGED_OUT = ':logged-out';

export const DIRECTIONS = Object.freeze({
    both: 'Both',
    toOmni: 'Flex_To_Omni',
    toFlex: 'Omni_To_Flex'
});

const STATUS_API_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const STATUS_ID = /^0N5[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/;

/**
 * @typedef {{ key: string, statusId: string | null }} OmniTarget
 *   `key` is a status API name or LOGGED_OUT; `statusId` the status to set (null for LOGGED_OUT).
 * @typedef {{ toOmni: Map<string, OmniTarget>, toFlex: Map<string, string>, problems: string[] }} PresenceMapping
 */

/** @param {unknown} value */
function text(value) {
    return typeof value === 'string' ? value.trim() : '';
}

/**
 * @param {unknown} rows what the Apex method returned (untrusted shape)
 * @returns {PresenceMapping}
 */
export function buildMapping(rows) {
    /** @type {PresenceMapping} */
    const mapping = { toOmni: new Map(), toFlex: new Map(), problems: [] };
    if (!Array.isArray(rows)) {
        mapping.problems.push('The presence mapping could not be read.');
        return mapping;
    }
    const objects = rows.map((row) => (typeof row === 'object' && row !== null ? row : {}));
    const own = objects.filter((row) => row.example !== true);
    (own.length ? own : objects).forEach((row) => addRow(mapping, row));
    return mapping;
}

/**
 * @param {PresenceMapping} mapping
 * @param {Record<string, unknown>} row
 */
function addRow(mapping, row) {
    const name = text(row.name) || '(unnamed)';
    const activity = text(row.flexActivity);
    const status = text(row.omniStatus);
    const loggedOut = row.omniLoggedOut === true;
    const direction = text(row.direction) || DIRECTIONS.both;
    if (!ACTIVITY_NAME_PATTERN.test(activity)) {
        mapping.problems.push(`Mapping ${name}: the Flex activity is missing or too long.`);
        return;
    }
    if (loggedOut === Boolean(status)) {
        mapping.problems.push(
            `Mapping ${name}: give an Omni-Channel status API name, or tick Logged Out of Omni-Channel (not both).`
        );
        return;
    }
    if (status && !STATUS_API_NAME.test(status)) {
        mapping.problems.push(`Mapping ${name}: ${status} is not a status API name.`);
        return;
    }
    if (!(/** @type {string[]} */ (Object.values(DIRECTIONS)).includes(direction))) {
        mapping.problems.push(`Mapping ${name}: ${direction} is not a direction.`);
        return;
    }
    const key = loggedOut ? LOGGED_OUT : status;
    if (direction !== DIRECTIONS.toFlex) {
        const statusId = text(row.omniStatusId);
        if (!loggedOut && !STATUS_ID.test(statusId)) {
            mapping.problems.push(
                `Mapping ${name}: there is no Omni-Channel status ${status}, so ${activity} in Flex changes nothing in Salesforce.`
            );
        } else if (mapping.toOmni.has(activity)) {
            mapping.problems.push(
                `Mapping ${name}: Flex activity ${activity} is mapped twice; the first mapping is used.`
            );
        } else {
            mapping.toOmni.set(activity, { key, statusId: loggedOut ? null : statusId });
        }
    }
    if (direction !== DIRECTIONS.toOmni) {
        if (mapping.toFlex.has(key)) {
            mapping.problems.push(
                `Mapping ${name}: Omni-Channel ${loggedOut ? 'logged out' : status} is mapped twice; the first mapping is used.`
            );
        } else {
            mapping.toFlex.set(key, activity);
        }
    }
}
