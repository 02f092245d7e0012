/*
 * Twilio Flex in the console's utility bar without Open CTI: the component frames Flex and is its
 * host app over the bridge, with the same host SDK any web app uses (c/flexHostSdk, generated from
 * packages/flex-host-sdk). Salesforce's answers come from salesforceHost.js; the record picker keeps
 * working unchanged through the same two message channels as with Open CTI.
 */
import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import {
    EnclosingUtilityId,
    enablePopout,
    open,
    updateUtility
} from 'lightning/platformUtilityBarApi';
import {
    APPLICATION_SCOPE,
    MessageContext,
    publish,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import INTERACTION_CHANNEL from '@salesforce/messageChannel/Flex_Interaction__c';
import SELECTION_CHANNEL from '@salesforce/messageChannel/Flex_Record_Selection__c';
import DIAL_CHANNEL from '@salesforce/messageChannel/Flex_Dial_Request__c';
import PRESENCE_CHANNEL from '@salesforce/messageChannel/Flex_Presence__c';
import searchRecords from '@salesforce/apex/FlexRecordSearch.search';
import findLoggedTask from '@salesforce/apex/FlexRecordSearch.findLoggedTask';
import { connectFlex } from 'c/flexHostSdk';
import {
    OBJECT_API_NAME_PATTERN,
    validateDialRequest,
    validateInteractionMessage,
    validateSelectionMessage
} from 'c/flexContract';
import { LABELS, format } from './labels';
import { presenceMessageOf, relayToFlex } from './presenceRelay';
import { salesforceHandlers } from './salesforceHost';
import { DEFAULT_TASK_FIELDS } from './taskRecord';
import { utilityState } from './utilityStatus';

/** The bridge's interaction events, as the picker's statuses. */
const STATUS_OF_EVENT = {
    offered: 'pending',
    accepted: 'accepted',
    wrapping: 'wrapping',
    completed: 'completed',
    canceled: 'canceled'
};

/** @param {string} list comma-separated object API names, as App Builder holds them */
export function objectList(list) {
    return String(list ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter((name) => OBJECT_API_NAME_PATTERN.test(name));
}

export default class FlexSoftphone extends NavigationMixin(LightningElement) {
    /** Flex's agent desktop; its origin is the only one the component talks to. */
    @api flexUrl = 'https://flex.twilio.com/agent-desktop';
    /** Objects the screen pop searches, in order (App Builder). */
    @api searchObjects = 'Contact,Lead,Account';
    /** How long Flex has to load and answer before the agent is asked to log in to Flex (ms). */
    @api handshakeTimeoutMs = 15000;

    @wire(MessageContext) messageContext;

    /** This utility item's id; null until the platform provides it. */
    utilityId = null;

    // The id may come after Flex connected: show the item's state as soon as it does.
    @wire(EnclosingUtilityId)
    wiredUtilityId(utilityId) {
        this.utilityId = utilityId ?? null;
        this.refreshUtility();
    }

    connectionStatus = 'connecting';
    /** Why the last Call with Flex request was not placed, for the agent; empty when it was. */
    dialProblem = '';
    statusReason = '';
    /** @type {string|null} */
    interactionStatus = null;
    /** @type {object|null} */
    lastChooser = null;
    /** @type {any} */
    connection = null;
    /** @type {AbortController|null} stops connectFlex waiting when the component leaves the page */
    stopConnecting = null;
    selectionSubscription = null;
    dialSubscription = null;
    presenceSubscription = null;
    started = false;
    /** The utility item's state as last sent, so unchanged states are not sent again. */
    lastUtilityState = '';
    popOutLocked = false;

    /** Flex's origin: https, or http on this computer's loopback (local development). */
    get flexOrigin() {
        try {
            const url = new URL(this.flexUrl);
            const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
            return url.protocol === 'https:' || (loopback && url.protocol === 'http:')
                ? url.origin
                : null;
        } catch {
            return null;
        }
    }

    get configProblem() {
        return format(LABELS.badUrl, String(this.flexUrl));
    }

    get frameTitle() {
        return LABELS.frameTitle;
    }

    get statusText() {
        if (this.connectionStatus === 'disconnected') {
            return format(LABELS.notConnected, this.statusReason || this.connectionStatus);
        }
        if (this.connectionStatus === 'waiting') {
            return LABELS.waiting;
        }
        return this.dialProblem;
    }

    connectedCallback() {
        this.selectionSubscription = subscribe(
            this.messageContext,
            SELECTION_CHANNEL,
            (message) => this.handleSelection(message),
            { scope: APPLICATION_SCOPE }
        );
        this.dialSubscription = subscribe(
            this.messageContext,
            DIAL_CHANNEL,
            (message) => this.handleDialRequest(message),
            { scope: APPLICATION_SCOPE }
        );
        // Presence sync (the Flex Presence Sync utility), when Flex's admin turned it on.
        this.presenceSubscription = subscribe(
            this.messageContext,
            PRESENCE_CHANNEL,
            (message) =>
                relayToFlex(message, this.connection, (answer) => this.publishPresence(answer)),
            { scope: APPLICATION_SCOPE }
        );
    }

    renderedCallback() {
        if (this.started || !this.flexOrigin) return;
        this.started = true;
        this.connect();
    }

    disconnectedCallback() {
        unsubscribe(this.selectionSubscription);
        unsubscribe(this.dialSubscription);
        unsubscribe(this.presenceSubscription);
        this.selectionSubscription = null;
        this.dialSubscription = null;
        this.presenceSubscription = null;
        this.stopConnecting?.abort();
        this.stopConnecting = null;
        this.connection?.destroy();
        this.connection = null;
        this.started = false;
    }

    async connect() {
        const iframe = this.template.querySelector('iframe');
        const handlers = salesforceHandlers(
            {
                searchRecords,
                findLoggedTask,
                createRecord,
                updateRecord,
                navigate: (pageReference) => this[NavigationMixin.Navigate](pageReference),
                showUtility: () => (this.utilityId ? open(this.utilityId) : Promise.resolve())
            },
            { searchObjects: objectList(this.searchObjects), taskFieldNames: DEFAULT_TASK_FIELDS }
        );
        this.stopConnecting = new AbortController();
        try {
            // Every status from the first on, while the agent logs in too: connectFlex waits
            // for Flex until this component leaves the page.
            this.connection = await connectFlex({
                iframe,
                flexOrigin: this.flexOrigin,
                handlers,
                waitingAfterMs: Number(this.handshakeTimeoutMs) || 15000,
                onStatus: ({ status, reason }) => this.setConnection(status, reason ?? ''),
                signal: this.stopConnecting.signal
            });
        } catch (error) {
            this.setConnection('disconnected', error?.message ?? String(error));
            return;
        }
        this.setConnection(this.connection.status, '');
        this.connection.on('interaction', ({ event }) => {
            this.interactionStatus = STATUS_OF_EVENT[event] ?? null;
            this.refreshUtility();
        });
        this.connection.on('chooser', (state) => this.publishChooser(state));
        this.connection.on('presence', (event) => {
            const message = presenceMessageOf(event);
            if (message) this.publishPresence(message);
        });
    }

    publishPresence(message) {
        publish(this.messageContext, PRESENCE_CHANNEL, message);
    }

    setConnection(status, reason) {
        this.connectionStatus = status;
        this.statusReason = reason;
        this.refreshUtility();
    }

    /** The picker's view of the interaction; anything not valid for the contract is not sent. */
    publishChooser(state) {
        const checked = validateInteractionMessage(state);
        if (!checked.ok) return;
        this.lastChooser = state;
        publish(this.messageContext, INTERACTION_CHANNEL, state);
    }

    handleSelection(message) {
        const checked = validateSelectionMessage(message);
        if (!checked.ok) return;
        const { action, recordId, objectApiName, recordName, taskSid } = message;
        if (action === 'sync') {
            if (this.lastChooser)
                publish(this.messageContext, INTERACTION_CHANNEL, this.lastChooser);
            return;
        }
        if (!this.connection) return;
        const record = action === 'select' ? { recordId, objectApiName, name: recordName } : null;
        // A refusal reaches the agent in Flex; the picker hears the outcome on Flex_Interaction__c.
        this.connection.linkRecord(record, taskSid).catch(() => {});
    }

    /** Call with Flex: the agent asked to call a number; Flex opens and places the call. */
    handleDialRequest(message) {
        const checked = validateDialRequest(message);
        if (!checked.ok) return;
        const { phoneNumber, recordId, objectApiName, recordName } = message;
        if (!this.connection) {
            this.dialProblem = format(
                LABELS.dialFailed,
                phoneNumber,
                format(LABELS.notConnected, this.statusReason || this.connectionStatus)
            );
            return;
        }
        this.dialProblem = '';
        if (this.utilityId) open(this.utilityId).catch(() => {});
        const record = recordId ? { recordId, objectApiName, name: recordName } : null;
        this.connection.dial(phoneNumber, { record }).catch((error) => {
            this.dialProblem = format(LABELS.dialFailed, phoneNumber, error?.message ?? '');
        });
    }

    refreshUtility() {
        if (!this.utilityId) return;
        const state = utilityState(this.connectionStatus, this.interactionStatus);
        // Only changes go to the utility bar: the same state arrives with every event.
        const key = JSON.stringify(state);
        if (key === this.lastUtilityState) return;
        this.lastUtilityState = key;
        // The utility bar may be gone (page closing); the softphone goes on without it.
        updateUtility(this.utilityId, {
            label: LABELS.utility[state.label],
            icon: state.icon,
            ...(state.iconVariant ? { iconVariant: state.iconVariant } : {}),
            highlighted: state.highlighted
        }).catch(() => {});
        if (!this.popOutLocked) {
            // Popping the utility out moves the component to a new window, which reloads Flex and
            // drops a call in progress: the softphone never pops out.
            this.popOutLocked = true;
            enablePopout(this.utilityId, false, { disabledText: LABELS.popOutOff }).catch(() => {
                this.popOutLocked = false;
            });
        }
    }
}
