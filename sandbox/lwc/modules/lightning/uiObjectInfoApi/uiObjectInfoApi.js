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
