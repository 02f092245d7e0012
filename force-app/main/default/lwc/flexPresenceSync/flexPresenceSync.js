/*
 * Flex Presence Sync: keeps the agent's Flex activity and Omni-Channel presence status in step, as
 * the admin maps them (Flex_Presence_Mapping__mdt). It lives inside the Aura utility
 * flexPresenceSyncUtility, which alone can reach lightning:omniToolkitAPI: the shell passes
 * Omni-Channel's events in (omniStatusChanged, omniLoggedOut) and runs this component's toolkit
 * requests (the omnirequest event, answered through omniResult). Flex is reached over the
 * Flex_Presence__c message channel; every message is validated before anything acts on it.
 */
import { LightningElement, api, wire } from 'lwc';
import {
    APPLICATION_SCOPE,
    MessageContext,
    publish,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import PRESENCE_CHANNEL from '@salesforce/messageChannel/Flex_Presence__c';
import getMappings from '@salesforce/apex/FlexPresenceMappings.getMappings';
import { validatePresenceMessage } from 'c/flexContract';
import { LABELS, format } from './labels';
import { LOGGED_OUT, buildMapping } from './presenceMapping';
import { OmniRequests, stateOf } from './omniRequests';
import { PresenceSync, reasonOf } from './presenceSync';

const MAX_PROBLEMS = 8;
/** How long Flex may stay silent after start-up before the admin is told where to look. */
export const FLEX_SILENCE_MS = 15000;

export default class FlexPresenceSync extends LightningElement {
    labels = LABELS;
    /** @type {PresenceSync | null} */
    sync = null;
    /** @type {string[]} mapping problems, refusals and ignored messages, for the agent */
    problems = [];
    /** @type {string | null} */
    offReason = null;
    flexActivity = null;
    omniKey = null;
    subscription = null;
    silenceTimer = null;
    requests = new OmniRequests((request) =>
        this.dispatchEvent(new CustomEvent('omnirequest', { detail: request }))
    );

    @wire(MessageContext)
    messageContext;

    connectedCallback() {
        this.subscription = subscribe(
            this.messageContext,
            PRESENCE_CHANNEL,
            (message) => this.handleFlexMessage(message),
            { scope: APPLICATION_SCOPE }
        );
        getMappings()
            .then((rows) => this.begin(rows))
            .catch((error) => {
                this.offReason = format(LABELS.off, reasonOf(error));
            });
    }

    disconnectedCallback() {
        unsubscribe(this.subscription);
        clearTimeout(this.silenceTimer);
        this.subscription = null;
        this.sync = null;
    }

    /** Omni-Channel's lightning:omniChannelStatusChanged, passed in by the shell. */
    @api
    omniStatusChanged(detail) {
        this.sync?.omniChanged(stateOf(detail));
    }

    /** Omni-Channel's lightning:omniChannelLogout, passed in by the shell. */
    @api
    omniLoggedOut() {
        this.sync?.omniChanged({ key: LOGGED_OUT, statusId: null });
    }

    /** The shell's answer to an omnirequest. */
    @api
    omniResult(result) {
        this.requests.settle(result);
    }

    begin(rows) {
        const mapping = buildMapping(rows);
        this.problems = [...mapping.problems];
        this.sync = new PresenceSync({
            mapping,
            omni: this.requests.client(),
            publish: (message) => publish(this.messageContext, PRESENCE_CHANNEL, message),
            view: {
                refused: (statusKey, reason) => this.reportRefusal(statusKey, reason),
                changed: () => this.showStates()
            }
        });
        this.sync.start();
        // Flex answers the start-up question at once when it listens; silence means it does not.
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- a one-off check after start-up
        this.silenceTimer = setTimeout(() => {
            if (this.sync && this.sync.flexActivity === null) this.addProblem(LABELS.flexSilent);
        }, FLEX_SILENCE_MS);
    }

    handleFlexMessage(message) {
        const validation = validatePresenceMessage(message);
        if (!validation.ok) {
            this.addProblem(format(LABELS.badMessage, validation.error));
            return;
        }
        this.sync?.flexMessage(validation.value);
    }

    reportRefusal(statusKey, reason) {
        const text = format(LABELS.refused, this.omniName(statusKey), reason);
        this.addProblem(text);
        this.dispatchEvent(
            new ShowToastEvent({ title: LABELS.title, message: text, variant: 'warning' })
        );
    }

    /** The latest problems only: a flood of bad messages cannot grow the list without end. */
    addProblem(text) {
        this.problems = [...this.problems, text].slice(-MAX_PROBLEMS);
    }

    showStates() {
        this.flexActivity = this.sync?.flexActivity ?? null;
        this.omniKey = this.sync?.omniKey ?? null;
    }

    omniName(key) {
        return key === LOGGED_OUT ? LABELS.loggedOut : key;
    }

    get stateText() {
        return format(
            LABELS.state,
            this.flexActivity ?? LABELS.unknown,
            this.omniKey === null ? LABELS.unknown : this.omniName(this.omniKey)
        );
    }

    get problemItems() {
        return this.problems.map((text, index) => ({ key: String(index), text }));
    }

    get hasProblems() {
        return this.problems.length > 0;
    }
}
