/*
 * Presence sync on the Salesforce side: hears the agent's Omni-Channel status and the Flex activity
 * (over Flex_Presence__c), and moves the other side to the mapped state. It never loops:
 * - the two sides are "in step" when either mapping direction links their states, and nothing is
 *   sent then (Flex on Lunch and Omni on Away stay put when Lunch → Away but Away → Break);
 * - an Omni-Channel change this sync made is recognised when its event comes back, and not sent on;
 * - Flex reports whether a change was the agent's or the sync's; only the agent's is followed;
 * - a request to Flex carries the Flex activity it is based on, so Flex drops it if the agent
 *   changed Flex meanwhile (that newer change is on its way here and wins);
 * - Omni-Channel changes run one at a time and only the latest waits; an Omni-Channel change made
 *   while one of ours was on its way is newer, so it is put back once ours lands;
 * - a status Omni-Channel refuses (not granted to the agent) is reported once and never retried.
 */
import { queryFlexActivityMessage, setFlexActivityMessage } from 'c/flexContract';
import { LOGGED_OUT } from './presenceMapping';

/**
 * @typedef {import('./presenceMapping').PresenceMapping} PresenceMapping
 * @typedef {import('./presenceMapping').OmniTarget} OmniTarget
 * @typedef {{ key: string, statusId: string | null }} OmniState
 * @typedef {Object} OmniClient what the Aura shell does with lightning:omniToolkitAPI
 * @property {() => Promise<OmniState>} current the agent's status now (LOGGED_OUT when not logged in)
 * @property {(statusId: string) => Promise<void>} setStatus
 * @property {() => Promise<void>} logout
 * @typedef {Object} PresenceView what the component shows
 * @property {(statusKey: string, reason: string) => void} refused Omni-Channel refused a status
 * @property {() => void} changed the states known or a sync step changed
 */

/** True when the mapping links the two states in either direction: nothing to do. */
export function inStep(
    /** @type {PresenceMapping} */ mapping,
    /** @type {string | null} */ flexActivity,
    /** @type {string | null} */ omniKey
) {
    if (flexActivity === null || omniKey === null) {
        return false;
    }
    return (
        mapping.toOmni.get(flexActivity)?.key === omniKey ||
        mapping.toFlex.get(omniKey) === flexActivity
    );
}

/** The message text of whatever the toolkit rejected with. */
export function reasonOf(/** @type {unknown} */ error) {
    if (typeof error === 'string') {
        return error;
    }
    const shape = /** @type {{message?: unknown, body?: {message?: unknown}}} */ (error ?? {});
    if (typeof shape.message === 'string') {
        return shape.message;
    }
    return typeof shape.body?.message === 'string' ? shape.body.message : 'no reason given';
}

export class PresenceSync {
    /**
     * @param {{ mapping: PresenceMapping, omni: OmniClient,
     *   publish: (message: object) => void, view: PresenceView }} parts
     */
    constructor({ mapping, omni, publish, view }) {
        this.mapping = mapping;
        this.omni = omni;
        this.publish = publish;
        this.view = view;
        /** @type {string | null} */
        this.flexActivity = null;
        /** @type {string | null} */
        this.omniKey = null;
        /** @type {OmniTarget | null} the Omni-Channel state to set next (only the latest waits) */
        this.wanted = null;
        /** @type {string[]} states our changes set, in order, until their events come back */
        this.echoes = [];
        /** @type {OmniState | null} a change made in Omni-Channel while ours was in flight */
        this.overtaken = null;
        this.running = false;
        /** @type {Set<string>} statuses Omni-Channel refused: reported once, never retried */
        this.refusedKeys = new Set();
    }

    /** Learns both states; changes neither (at start-up, neither side is newer). */
    async start() {
        try {
            const state = await this.omni.current();
            this.omniKey ??= state.key;
        } catch {
            // Not logged in to Omni-Channel, or the toolkit is not ready: an event will tell.
        }
        this.publish(queryFlexActivityMessage());
        this.view.changed();
    }

    /** A validated Flex_Presence__c message. */
    flexMessage(/** @type {{type: string, activity: string, cause: string}} */ message) {
        if (message.type !== 'flexActivity') {
            return;
        }
        this.flexActivity = message.activity;
        this.view.changed();
        if (message.cause !== 'agent') {
            return;
        }
        const target = this.mapping.toOmni.get(message.activity);
        if (
            !target ||
            inStep(this.mapping, message.activity, this.omniKey) ||
            this.refusedKeys.has(target.key)
        ) {
            return;
        }
        this.wanted = target;
        this.drive();
    }

    /** Omni-Channel says the agent's status changed (or that they logged out: LOGGED_OUT). */
    omniChanged(/** @type {OmniState} */ state) {
        const echo = this.echoes.indexOf(state.key);
        if (echo >= 0) {
            // Events come in order: earlier echoes that never came are not waited for any more.
            this.echoes.splice(0, echo + 1);
            this.omniKey = state.key;
            this.view.changed();
            return;
        }
        this.omniKey = state.key;
        // Newer than any Flex change still waiting to be applied.
        this.wanted = null;
        if (this.running) {
            this.overtaken = state;
        }
        this.view.changed();
        const activity = this.mapping.toFlex.get(state.key);
        if (!activity || inStep(this.mapping, this.flexActivity, state.key)) {
            return;
        }
        this.publish(setFlexActivityMessage(activity, this.flexActivity));
        // Flex answers with its activity, which corrects this if it did not apply the request.
        this.flexActivity = activity;
    }

    /** Applies `wanted`, one change at a time, until nothing waits. */
    async drive() {
        if (this.running) {
            return;
        }
        this.running = true;
        try {
            while (this.wanted) {
                const target = this.wanted;
                this.wanted = null;
                // eslint-disable-next-line no-await-in-loop -- one Omni-Channel change at a time
                await this.apply(target);
            }
        } finally {
            this.running = false;
        }
    }

    async apply(/** @type {OmniTarget} */ target) {
        if (target.key === this.omniKey) {
            return;
        }
        this.echoes.push(target.key);
        this.overtaken = null;
        try {
            if (target.key === LOGGED_OUT) {
                await this.omni.logout();
            } else {
                await this.omni.setStatus(/** @type {string} */ (target.statusId));
            }
            if (this.echoes.includes(target.key)) {
                this.omniKey = target.key;
            }
        } catch (error) {
            this.echoes.splice(this.echoes.lastIndexOf(target.key), 1);
            this.refusedKeys.add(target.key);
            this.view.refused(target.key, reasonOf(error));
        }
        // Set by omniChanged while the call above was awaited.
        const overtaken = /** @type {OmniState | null} */ (this.overtaken);
        this.overtaken = null;
        if (overtaken && !this.wanted && overtaken.key !== target.key) {
            this.wanted = overtaken;
        }
        this.view.changed();
    }
}
