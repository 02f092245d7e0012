import { LightningElement, api, wire } from 'lwc';
import {
    APPLICATION_SCOPE,
    MessageContext,
    publish,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import { CurrentPageReference } from 'lightning/navigation';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import INTERACTION_CHANNEL from '@salesforce/messageChannel/Flex_Interaction__c';
import SELECTION_CHANNEL from '@salesforce/messageChannel/Flex_Record_Selection__c';
import {
    clearMessage,
    sameRecordId,
    selectMessage,
    syncMessage,
    validateInteractionMessage
} from 'c/flexContract';
import { LABELS, channelLabel, directionLabel, formatLabel, statusLabel } from './labels';
import {
    DEFAULT_OBJECT_API_NAMES,
    nameFieldOf,
    objectLabelOf,
    parseObjectApiNames,
    recordNameOf,
    recordOfPage
} from './recordNames';

// How long the picker waits for the plugin's echo before telling the agent it got no answer.
export const CONFIRM_TIMEOUT_MS = 10000;

/**
 * Lets the agent choose the Salesforce record a Twilio Flex interaction relates to. Talks to the
 * Flex plugin only through the two message channels; the plugin owns the task attributes and
 * echoes every change on Flex_Interaction__c, which is what this component shows.
 */
export default class FlexRecordPicker extends LightningElement {
    /** Objects the agent can search, comma-separated API names (App Builder design attribute). */
    @api objectApiNames = DEFAULT_OBJECT_API_NAMES;
    /** Set by Lightning record pages; a utility bar item reads the page reference instead. */
    @api recordId;
    @api objectApiName;

    labels = LABELS;

    /** @type {import('c/flexContract').InteractionMessage | null} last valid message from Flex */
    interaction = null;
    /** @type {{action: string, recordId: string | null, taskSid: string | null} | null} */
    pending = null;
    /** The request Flex did not answer in time; cleared when Flex answers it after all. */
    unanswered = null;
    /** @type {{recordId: string, objectApiName: string} | null} record open in the console */
    pageRecord = null;
    /** @type {{recordId: string, objectApiName: string} | null} choice waiting for its name */
    nameLookup = null;
    chosenSearchObject;
    objectLabels = {};

    subscription = null;
    confirmTimer = null;

    @wire(MessageContext)
    messageContext;

    @wire(CurrentPageReference)
    wiredPageReference(pageReference) {
        this.pageRecord = recordOfPage(pageReference);
    }

    @wire(getObjectInfos, { objectApiNames: '$searchableObjects' })
    wiredObjectInfos({ data }) {
        const labels = {};
        (data?.results ?? []).forEach(({ result }) => {
            if (result?.apiName && result.label) {
                labels[result.apiName] = result.label;
            }
        });
        this.objectLabels = labels;
    }

    @wire(getRecord, {
        recordId: '$nameLookupRecordId',
        fields: '$nameLookupFields',
        optionalFields: '$nameLookupOptionalFields'
    })
    wiredNameLookup({ data, error }) {
        const lookup = this.nameLookup;
        if (!lookup || (!data && !error)) {
            return;
        }
        this.nameLookup = null;
        // Without a name the link still works: the plugin and Salesforce only need the ID.
        this.sendSelection(lookup, data ? recordNameOf(data, lookup.objectApiName) : null);
    }

    connectedCallback() {
        if (!this.subscription) {
            this.subscription = subscribe(
                this.messageContext,
                INTERACTION_CHANNEL,
                (message) => this.handleInteraction(message),
                { scope: APPLICATION_SCOPE }
            );
        }
        // A picker opened mid-call asks the plugin for the current state.
        publish(this.messageContext, SELECTION_CHANNEL, syncMessage());
    }

    disconnectedCallback() {
        unsubscribe(this.subscription);
        this.subscription = null;
        this.stopConfirmTimer();
    }

    handleInteraction(message) {
        const result = validateInteractionMessage(message);
        if (!result.ok) {
            // Nothing changes on bad input; the reason is for whoever debugs the publisher.
            console.warn(
                `Flex record picker ignored a Flex_Interaction__c message: ${result.error}`
            );
            return;
        }
        const interaction = result.value;
        if (this.pending && this.answers(interaction, this.pending)) {
            this.settle();
        }
        if (this.unanswered && this.answers(interaction, this.unanswered)) {
            this.unanswered = null;
        }
        this.interaction = interaction;
    }

    /** True when the message ends the wait for a request: applied, refused, or another task. */
    answers(interaction, request) {
        if (request.taskSid !== interaction.taskSid || interaction.error) {
            return true;
        }
        return request.action === 'clear'
            ? interaction.selected === null
            : sameRecordId(interaction.selected?.recordId, request.recordId);
    }

    settle() {
        this.pending = null;
        this.stopConfirmTimer();
    }

    // ----- agent actions -----

    handleCandidateClick(event) {
        const candidate = this.interaction?.candidates[Number(event.currentTarget.dataset.index)];
        if (candidate) {
            this.sendSelection(candidate, candidate.name);
        }
    }

    handleUseThisRecord() {
        const record = this.currentRecord;
        if (record) {
            this.resolveNameThenSend(record);
        }
    }

    handleObjectTypeChange(event) {
        this.chosenSearchObject = event.detail.value;
    }

    handleSearchChange(event) {
        const recordId = event.detail.recordId;
        if (recordId) {
            this.resolveNameThenSend({ recordId, objectApiName: this.searchObjectApiName });
        }
    }

    handleClear() {
        this.request(clearMessage(this.interaction?.taskSid ?? null));
    }

    resolveNameThenSend(record) {
        if (!this.controlsDisabled) {
            this.unanswered = null;
            this.nameLookup = { recordId: record.recordId, objectApiName: record.objectApiName };
            this.startConfirmTimer();
        }
    }

    sendSelection(record, recordName) {
        this.request(
            selectMessage({
                recordId: record.recordId,
                objectApiName: record.objectApiName,
                recordName,
                taskSid: this.interaction?.taskSid ?? null
            })
        );
    }

    request(message) {
        if (!this.hasInteraction || this.pending) {
            return;
        }
        this.unanswered = null;
        this.pending = {
            action: message.action,
            recordId: message.recordId,
            taskSid: message.taskSid
        };
        publish(this.messageContext, SELECTION_CHANNEL, message);
        this.startConfirmTimer();
    }

    startConfirmTimer() {
        this.stopConfirmTimer();
        // The plugin may be closed or slow; the agent must not wait on a spinner forever.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.confirmTimer = setTimeout(() => {
            this.confirmTimer = null;
            this.unanswered = this.pending ?? {
                action: 'select',
                recordId: this.nameLookup?.recordId ?? null,
                taskSid: this.interaction?.taskSid ?? null
            };
            this.pending = null;
            this.nameLookup = null;
        }, CONFIRM_TIMEOUT_MS);
    }

    stopConfirmTimer() {
        if (this.confirmTimer) {
            clearTimeout(this.confirmTimer);
            this.confirmTimer = null;
        }
    }

    // ----- what the template shows -----

    get hasInteraction() {
        return Boolean(this.interaction?.taskSid);
    }

    get controlsDisabled() {
        return !this.hasInteraction || Boolean(this.pending) || Boolean(this.nameLookup);
    }

    get isPending() {
        return Boolean(this.pending) || Boolean(this.nameLookup);
    }

    get customerText() {
        return this.interaction?.customer || this.labels.unknown;
    }

    get directionText() {
        return directionLabel(this.interaction?.direction ?? null);
    }

    get statusText() {
        return statusLabel(this.interaction?.status ?? null);
    }

    get channelText() {
        return channelLabel(this.interaction?.channel ?? null);
    }

    get linkedRecord() {
        return this.hasInteraction ? this.interaction.selected : null;
    }

    get selectedText() {
        const selected = this.linkedRecord;
        return selected
            ? `${selected.name || this.labels.unnamedRecord} (${this.objectLabel(selected.objectApiName)})`
            : '';
    }

    get clearDisabled() {
        return this.controlsDisabled || !this.linkedRecord;
    }

    get errorText() {
        if (this.unanswered) {
            return this.labels.noAnswer;
        }
        const error = this.hasInteraction ? this.interaction.error : null;
        return error ? formatLabel(this.labels.refused, error.message) : '';
    }

    get candidates() {
        if (!this.hasInteraction) {
            return [];
        }
        const selectedId = this.interaction.selected?.recordId;
        return this.interaction.candidates.map((candidate, index) => ({
            key: `${candidate.recordId}-${index}`,
            index,
            text: formatLabel(
                this.labels.chooseCandidate,
                candidate.name || this.labels.unnamedRecord,
                this.objectLabel(candidate.objectApiName)
            ),
            isLinked: sameRecordId(candidate.recordId, selectedId)
        }));
    }

    get hasCandidates() {
        return this.hasInteraction && this.interaction.candidates.length > 0;
    }

    get currentRecord() {
        if (this.recordId && this.objectApiName) {
            return { recordId: this.recordId, objectApiName: this.objectApiName };
        }
        return this.pageRecord;
    }

    get useThisRecordDisabled() {
        return this.controlsDisabled || !this.currentRecord;
    }

    get searchableObjects() {
        return parseObjectApiNames(this.objectApiNames);
    }

    get searchObjectApiName() {
        const objects = this.searchableObjects;
        return objects.includes(this.chosenSearchObject) ? this.chosenSearchObject : objects[0];
    }

    get objectTypeOptions() {
        return this.searchableObjects.map((apiName) => ({
            label: this.objectLabel(apiName),
            value: apiName
        }));
    }

    get nameLookupRecordId() {
        return this.nameLookup?.recordId;
    }

    get nameLookupFields() {
        const objectApiName = this.nameLookup?.objectApiName;
        return objectApiName ? [`${objectApiName}.Id`] : undefined;
    }

    // Optional: a name field the agent cannot read must not fail the lookup.
    get nameLookupOptionalFields() {
        const objectApiName = this.nameLookup?.objectApiName;
        return objectApiName ? [`${objectApiName}.${nameFieldOf(objectApiName)}`] : undefined;
    }

    objectLabel(apiName) {
        return objectLabelOf(this.objectLabels, apiName);
    }
}
