// The shared Salesforce scenarios (salesforceScenarios.ts) without Open CTI: the package's softphone
// LWC hosts Flex over the bridge.
import { WITHOUT_OPEN_CTI } from './salesforceModes.ts';
import { salesforceScenarios } from './salesforceScenarios.ts';

salesforceScenarios(WITHOUT_OPEN_CTI);
