/*
 * A working stand-in for lightning:omniToolkitAPI and Omni-Channel's events, as Salesforce documents
 * them (docs/reference/omni-channel.md), wired to the real Aura shell (flexPresenceSyncUtility's
 * controller) the way Aura would: the shell's handlers get Aura-style events, and cmp.find returns
 * the toolkit and the web component.
 */
import controller from '../../../aura/flexPresenceSyncUtility/flexPresenceSyncUtilityController';

export const STATUSES = Object.freeze({
    Available: { statusId: '0N5000000000001CAA', statusName: 'Available' },
    Break: { statusId: '0N5000000000002CAA', statusName: 'Break' },
    Training: { statusId: '0N5000000000003CAA', statusName: 'Training' }
});

/** An Aura event as a handler reads it. */
export function auraEvent(params) {
    return { getParam: (name) => params[name] };
}

export class OmniToolkitMock {
    constructor({ granted = Object.keys(STATUSES), status = 'Available' } = {}) {
        this.granted = new Set(granted);
        /** @type {string | null} the status API name; null when logged out */
        this.status = status;
        /** Every status change, as [apiName or 'logged out', reason]. */
        this.changes = [];
        this.listeners = { statusChanged: [], logout: [] };
    }

    getServicePresenceStatusId() {
        if (this.status === null) {
            return Promise.reject(new Error('The agent is not logged in to Omni-Channel'));
        }
        return Promise.resolve(this.describe(this.status));
    }

    setServicePresenceStatus({ statusId }) {
        const apiName = Object.keys(STATUSES).find((key) => STATUSES[key].statusId === statusId);
        if (!apiName || !this.granted.has(apiName)) {
            return Promise.reject(
                new Error('Invalid status ID, or the status is not available to the user')
            );
        }
        this.change(apiName, 'OmniToolkitStatusChange');
        return Promise.resolve({ ...this.describe(apiName), channels: '[]' });
    }

    logout() {
        this.logOut(undefined);
        return Promise.resolve(true);
    }

    /** The agent picks a status in the Omni-Channel widget. */
    agentSets(apiName) {
        this.change(apiName, 'OmniManualStatusChange');
    }

    logOut(reason) {
        this.status = null;
        this.changes.push(['logged out', reason ?? 'toolkit']);
        this.listeners.logout.forEach((listener) => listener({ reason }));
    }

    change(apiName, reason) {
        this.status = apiName;
        this.changes.push([apiName, reason]);
        const params = { ...this.describe(apiName), channels: '[]', reason };
        this.listeners.statusChanged.forEach((listener) => listener(params));
    }

    describe(apiName) {
        return { statusApiName: apiName, ...STATUSES[apiName] };
    }
}

/**
 * The Aura shell around `element` with `toolkit`: what flexPresenceSyncUtility.cmp declares (the
 * toolkit, two event handlers, the web component with its omnirequest handler), run by its real
 * controller.
 */
export function mountShell(element, toolkit) {
    const cmp = { find: (id) => ({ omniToolkit: toolkit, sync: element })[id] };
    toolkit.listeners.statusChanged.push((params) =>
        controller.onStatusChanged(cmp, auraEvent(params))
    );
    toolkit.listeners.logout.push((params) => controller.onLogout(cmp, auraEvent(params)));
    element.addEventListener('omnirequest', (event) =>
        controller.onOmniRequest(cmp, auraEvent(event.detail))
    );
    return cmp;
}
