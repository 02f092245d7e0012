/*
 * Call with Flex: without Open CTI, Salesforce's phone-field click-to-dial does not reach Flex, so
 * record pages (and a quick action) get this card instead. It lists the record's phone numbers and
 * asks the Flex Softphone component to call one over Flex_Dial_Request__c, with the record.
 */
import { LightningElement, api, wire } from 'lwc';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { getRecord } from 'lightning/uiRecordApi';
import { MessageContext, publish } from 'lightning/messageService';
import DIAL_CHANNEL from '@salesforce/messageChannel/Flex_Dial_Request__c';
import { dialRequestMessage, validateDialRequest } from 'c/flexContract';
import { LABELS, format } from './labels';
import { fieldsToRead, phoneChoices, recordNameOf } from './phoneFields';

export default class FlexCallButton extends LightningElement {
    @api recordId;
    @api objectApiName;

    @wire(MessageContext) messageContext;

    labels = LABELS;
    objectInfo = null;
    record = null;
    asked = '';

    @wire(getObjectInfo, { objectApiName: '$objectApiName' })
    wiredObjectInfo({ data }) {
        this.objectInfo = data ?? null;
    }

    get optionalFields() {
        return fieldsToRead(this.objectInfo);
    }

    @wire(getRecord, { recordId: '$recordId', optionalFields: '$optionalFields' })
    wiredRecord({ data }) {
        this.record = data ?? null;
    }

    get choices() {
        return phoneChoices(this.objectInfo, this.record).map((choice) => ({
            ...choice,
            buttonLabel: format(LABELS.button, choice.label, choice.number)
        }));
    }

    get hasChoices() {
        return this.choices.length > 0;
    }

    handleCall(event) {
        const choice = this.choices.find((each) => each.field === event.target.dataset.field);
        if (!choice) return;
        const message = dialRequestMessage({
            phoneNumber: choice.number,
            recordId: this.recordId ?? null,
            objectApiName: this.objectApiName ?? null,
            recordName: recordNameOf(this.objectInfo, this.record)
        });
        // Only what the contract allows leaves the component.
        if (!validateDialRequest(message).ok) return;
        publish(this.messageContext, DIAL_CHANNEL, message);
        this.asked = format(LABELS.asked, choice.number);
    }
}
