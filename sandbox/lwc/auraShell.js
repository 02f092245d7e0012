/*
 * What Aura does for flexPresenceSyncUtility.cmp, in the sandbox and in the component's Jest tests:
 * it runs the bundle's real controller with the component's parts (the Omni-Channel toolkit, the
 * web component) and passes Omni-Channel's events to its handlers, as Aura's event system would.
 */
import controller from 'aura:flexPresenceSyncUtility';

// Aura's $A.getCallback re-enters Aura's lifecycle; outside Aura there is nothing to re-enter.
window.$A = window.$A ?? { getCallback: (callback) => callback };

const auraEvent = (params) => ({ getParam: (name) => params?.[name] });

/** Wraps `element` (c-flex-presence-sync) in the shell, with `omni` as lightning:omniToolkitAPI. */
export function mountPresenceShell(element, omni) {
    const cmp = { find: (id) => ({ omniToolkit: omni, sync: element })[id] };
    omni.onStatusChanged((event) => controller.onStatusChanged(cmp, auraEvent(event)));
    omni.onLogout((event) => controller.onLogout(cmp, auraEvent(event)));
    element.addEventListener('omnirequest', (event) =>
        controller.onOmniRequest(cmp, auraEvent(event.detail))
    );
}
