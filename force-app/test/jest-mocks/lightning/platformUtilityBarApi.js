/*
 * lightning/platformUtilityBarApi for Jest (sfdx-lwc-jest ships no stub for it): EnclosingUtilityId
 * is a test wire adapter (emit the utility's id), and each method is a jest.fn resolving as the
 * platform's promise-based API does, recording the utility's last label, icon, highlight and pop-out.
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const EnclosingUtilityId = createTestWireAdapter(jest.fn());

/** The utility items' state as the calls left it, by utility id. */
export const utilities = new Map();

const stateOf = (utilityId) => {
    if (!utilities.has(utilityId)) {
        utilities.set(utilityId, { open: false, popOutEnabled: true });
    }
    return utilities.get(utilityId);
};

export const open = jest.fn(async (utilityId) => {
    stateOf(utilityId).open = true;
    return true;
});
export const minimize = jest.fn(async (utilityId) => {
    stateOf(utilityId).open = false;
    return true;
});
export const updateUtility = jest.fn(async (utilityId, changes) => {
    Object.assign(stateOf(utilityId), changes);
    return true;
});
/** LWC's pop-out switch (disableUtilityPopOut is Aura only). */
export const enablePopout = jest.fn(async (utilityId, enabled, { disabledText } = {}) => {
    Object.assign(stateOf(utilityId), { popOutEnabled: Boolean(enabled), disabledText });
    return true;
});
export const getInfo = jest.fn(async (utilityId) => ({ ...stateOf(utilityId), id: utilityId }));
export const onUtilityClick = jest.fn(async () => true);

/** Test helper: forget every utility's state (call in afterEach). */
export function resetUtilities() {
    utilities.clear();
}
