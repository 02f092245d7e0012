/*
 * Sandbox stand-in for lightning/platformShowToastEvent: the event Salesforce turns into a toast.
 * The console shows it (sandbox/lwc/main.js hands it to sandboxConsole.toast).
 */
export class ShowToastEvent extends CustomEvent {
    constructor(toast) {
        super('lightning__showtoast', { bubbles: true, composed: true, detail: toast });
    }
}
