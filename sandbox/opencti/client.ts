// Entry of the sandbox's opencti_min.js: installs window.sforce.opencti in the softphone.
import { apiVersionOf, createOpenCtiClient, type ClientWindow } from './openCtiClient.ts';

const scope = window as unknown as { sforce?: { opencti?: unknown } };
const script = document.currentScript as HTMLScriptElement | null;
scope.sforce = scope.sforce ?? {};
scope.sforce.opencti = createOpenCtiClient(
    window as unknown as ClientWindow,
    apiVersionOf(script?.src)
);
