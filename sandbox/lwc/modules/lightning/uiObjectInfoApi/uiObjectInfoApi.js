/* Sandbox stand-in for lightning/uiObjectInfoApi's getObjectInfos: object labels only. */
const LABELS = {
    Contact: 'Contact',
    Lead: 'Lead',
    Account: 'Account',
    Case: 'Case',
    Opportunity: 'Opportunity'
};

export class getObjectInfos {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }
    connect() {}
    disconnect() {}
    update(config) {
        const names = config?.objectApiNames ?? [];
        this.dataCallback({
            data: {
                results: names.map((apiName) => ({
                    statusCode: 200,
                    result: { apiName, label: LABELS[apiName] ?? apiName }
                }))
            },
            error: undefined
        });
    }
}

/* getObjectInfo: the object's name field and fields, phone fields typed Phone (the console's records). */
export class getObjectInfo {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }
    connect() {}
    disconnect() {}
    update(config) {
        const info = config?.objectApiName
            ? window.sandboxConsole.objectInfo(config.objectApiName)
            : null;
        this.dataCallback(
            info
                ? { data: info, error: undefined }
                : { data: undefined, error: { body: { message: 'No such object' } } }
        );
    }
}
