/*
 * Sandbox stand-in for lightning/navigation: CurrentPageReference follows the console's open
 * record, and Navigate opens a record page in the console (lwcPlatform.ts records the call).
 */
export class CurrentPageReference {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
        this.stop = null;
    }
    connect() {
        this.stop = window.sandboxConsole.onPageReference((reference) =>
            this.dataCallback(reference)
        );
    }
    disconnect() {
        this.stop?.();
    }
    update() {}
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const NavigationMixin = (Base) =>
    class extends Base {
        [Navigate](pageReference) {
            window.sandboxConsole.lwcPlatform.navigate(pageReference);
        }
        [GenerateUrl](pageReference) {
            return Promise.resolve(`#/${pageReference?.attributes?.recordId ?? ''}`);
        }
    };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;
