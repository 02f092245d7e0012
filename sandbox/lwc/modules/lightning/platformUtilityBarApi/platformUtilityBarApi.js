/* Sandbox stand-in for lightning/platformUtilityBarApi: the console's utility item (lwcPlatform.ts). */
const UTILITY_ID = 'sandbox-flex-softphone';
const utility = () => window.sandboxConsole.lwcPlatform.utility;

export class EnclosingUtilityId {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }
    connect() {
        this.dataCallback(UTILITY_ID);
    }
    disconnect() {}
    update() {}
}

export async function open() {
    utility().open();
    return true;
}

export async function updateUtility(utilityId, changes) {
    utility().update({
        label: changes?.label,
        icon: changes?.icon,
        highlighted: Boolean(changes?.highlighted)
    });
    return true;
}

export async function enablePopout(utilityId, enabled) {
    utility().update({ popOutDisabled: !enabled });
    return true;
}
