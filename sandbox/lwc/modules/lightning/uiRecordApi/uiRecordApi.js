/* Sandbox stand-in for lightning/uiRecordApi's getRecord, answered from the console's fixtures. */
export class getRecord {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }
    connect() {}
    disconnect() {}
    update(config) {
        if (!config?.recordId) {
            return;
        }
        const record = window.sandboxConsole.record(config.recordId);
        if (!record) {
            this.dataCallback({
                data: undefined,
                error: { body: { message: 'Record not found' } }
            });
            return;
        }
        const fields = { Name: { value: record.Name }, CaseNumber: { value: record.Name } };
        Object.entries(record.fields).forEach(([name, value]) => {
            fields[name] = { value };
        });
        this.dataCallback({
            data: { id: record.Id, apiName: record.objectApiName, fields },
            error: undefined
        });
    }
}

export function getFieldValue(record, field) {
    return record?.fields?.[field]?.value;
}

/* createRecord and updateRecord write to the console's simulated org (lwcPlatform.ts). */
export function createRecord(recordInput) {
    return window.sandboxConsole.lwcPlatform.createRecord(recordInput);
}

export function updateRecord(recordInput) {
    return window.sandboxConsole.lwcPlatform.updateRecord(recordInput);
}
