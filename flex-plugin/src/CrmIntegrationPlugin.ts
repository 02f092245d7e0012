import * as Flex from '@twilio/flex-ui';
import { FlexPlugin } from '@twilio/flex-plugin';
import { consoleLogger } from './integration/context';
import { startIntegration, type Integration } from './integration/startIntegration';

const PLUGIN_NAME = 'CrmIntegrationPlugin';

export default class CrmIntegrationPlugin extends FlexPlugin {
    constructor() {
        super(PLUGIN_NAME);
    }

    /**
     * Flex waits for init before it shows the agent desktop, so init only starts the integration:
     * its synchronous part (strings, configuration, origin check, layout) runs now, and the
     * connection to the CRM (loading Open CTI, or the host app's handshake; subscribing, enabling
     * click-to-dial) goes on after Flex is up. A slow or absent CRM never holds Flex back.
     */
    init(_flex: typeof Flex, manager: Flex.Manager): Promise<void> {
        this.started = startIntegration({ manager, window }).catch((error: unknown) => {
            consoleLogger.error('could not start; the CRM features are off', error);
            return null;
        });
        return Promise.resolve();
    }

    /** The integration once it is on (or null when it stays off); for tests and diagnostics. */
    started: Promise<Integration | null> = Promise.resolve(null);
}
