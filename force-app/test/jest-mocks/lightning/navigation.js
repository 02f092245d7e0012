/*
 * lightning/navigation for Jest, replacing sfdx-lwc-jest's stub whose Navigate does nothing (as
 * lwc-recipes does): CurrentPageReference stays a test wire adapter, and every Navigate call is
 * recorded so a test can read where a component sent the agent.
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const CurrentPageReference = createTestWireAdapter(jest.fn());

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');
const navigations = [];

export const NavigationMixin = (Base) =>
    class extends Base {
        [Navigate](pageReference, replace) {
            navigations.push({ pageReference, replace: Boolean(replace) });
        }
        [GenerateUrl](pageReference) {
            return Promise.resolve(`https://example.lightning.force.com/${pageReference?.type}`);
        }
    };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** Test helper: the page reference of the last Navigate call, or undefined. */
export function getNavigateCalledWith() {
    return navigations.at(-1)?.pageReference;
}

/** Test helper: every Navigate call so far, oldest first. */
export function navigateCalls() {
    return [...navigations];
}

/** Test helper: forget the calls (call in afterEach). */
export function resetNavigation() {
    navigations.length = 0;
}
