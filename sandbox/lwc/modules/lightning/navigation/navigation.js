/* Sandbox stand-in for lightning/navigation: CurrentPageReference follows the console's open record. */
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

export const NavigationMixin = (Base) => Base;
