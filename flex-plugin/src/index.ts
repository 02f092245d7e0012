import * as FlexPlugin from '@twilio/flex-plugin';
import SalesforceIntegrationPlugin from './SalesforceIntegrationPlugin';

FlexPlugin.loadPlugin(SalesforceIntegrationPlugin);
