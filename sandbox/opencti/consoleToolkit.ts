// Entry of the sandbox's Console Integration Toolkit (integration.js): installs
// window.sforce.console with the one method the plugin uses. The call goes to the console over
// the Open CTI channel (see TOOLKIT_METHODS); the callback gets {success}, as Salesforce's does.
import {
    apiVersionOf,
    createOpenCtiClient,
    TOOLKIT_METHODS,
    type ClientWindow
} from './openCtiClient.ts';

type Callback = (result: { success: boolean }) => void;

const scope = window as unknown as { sforce?: { console?: unknown } };
const script = document.currentScript as HTMLScriptElement | null;
const transport = createOpenCtiClient(
    window as unknown as ClientWindow,
    apiVersionOf(script?.src),
    TOOLKIT_METHODS
) as unknown as {
    setCustomConsoleComponentPopoutable(args: {
        popoutable: boolean;
        callback: (response: { success: boolean }) => void;
    }): void;
};
scope.sforce = scope.sforce ?? {};
scope.sforce.console = {
    setCustomConsoleComponentPopoutable(popoutable: boolean, callback?: Callback) {
        if (typeof popoutable !== 'boolean') {
            throw new Error('popoutable must be true or false');
        }
        transport.setCustomConsoleComponentPopoutable({
            popoutable,
            callback: (response) => callback?.({ success: response.success === true })
        });
    }
};
