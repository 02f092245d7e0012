import * as Flex from '@twilio/flex-ui';
import { FlexPlugin } from '@twilio/flex-plugin';
import { consoleLogger } from './integration/context';
import { startIntegration } from './integration/startIntegration';

const PLUGIN_NAME = 'SalesforceIntegrationPlugin';

export default class SalesforceIntegrationPlugin extends FlexPlugin {
    constructor() {
        super(PLUGIN_NAME);
    }

    /** Flex waits for this; whatever happens inside, Flex itself keeps starting. */
    async init(_flex: typeof Flex, manager: Flex.Manager): Promise<void> {
        try {
            await startIntegration({ manager, window });
        } catch (error) {
            consoleLogger.error('could not start; Salesforce features are off', error);
        }
    }
}
