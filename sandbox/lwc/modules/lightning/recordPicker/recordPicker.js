/*
 * Sandbox stand-in for lightning-record-picker (which exists only inside Salesforce): the same
 * public attributes, a search over the console's fixtures, and a `change` event with
 * detail.recordId when the agent picks a record.
 */
import { LightningElement, api } from 'lwc';

export default class RecordPicker extends LightningElement {
    @api label;
    @api placeholder;
    @api objectApiName;
    @api disabled = false;
    @api value;

    query = '';
    results = [];

    get hasResults() {
        return this.results.length > 0;
    }

    handleInput(event) {
        this.query = event.target.value;
        const lower = this.query.trim().toLowerCase();
        this.results =
            lower.length < 2
                ? []
                : window.sandboxConsole
                      .records()
                      .filter(
                          (record) =>
                              record.objectApiName === this.objectApiName &&
                              record.Name.toLowerCase().includes(lower)
                      )
                      .slice(0, 10);
    }

    handleChoose(event) {
        const recordId = event.currentTarget.dataset.id;
        this.results = [];
        this.dispatchEvent(new CustomEvent('change', { detail: { recordId } }));
    }
}
