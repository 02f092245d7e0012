/*
 * The typed Promise API over `sforce.console` (Console Integration Toolkit), with the same timeout
 * as Open CTI calls. Used only for pop-out protection.
 */
import type { SforceConsole } from './openCtiApi';
import { callWithin, OpenCtiError } from './openCtiClient';

/** Typed Promise API over `sforce.console`, with the same timeout as Open CTI calls. */
export class ConsoleToolkitClient {
    constructor(
        private readonly api: SforceConsole,
        private readonly timeoutMs: number
    ) {}

    setPopoutable(popoutable: boolean): Promise<void> {
        const method = 'setCustomConsoleComponentPopoutable';
        return callWithin(
            this.timeoutMs,
            method,
            (callback: (result: { success?: boolean }) => void) =>
                this.api.setCustomConsoleComponentPopoutable(popoutable, callback),
            (result) => {
                if (result?.success !== true) {
                    throw new OpenCtiError('GENERIC_ERROR', `Salesforce refused ${method}`);
                }
            }
        );
    }
}
