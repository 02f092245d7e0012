import * as FlexPlugin from '@twilio/flex-plugin';
import CrmIntegrationPlugin from './CrmIntegrationPlugin';

FlexPlugin.loadPlugin(CrmIntegrationPlugin);
