// The shared Salesforce scenarios (salesforceScenarios.ts) with Open CTI.
import { OPEN_CTI } from './salesforceModes.ts';
import { salesforceScenarios } from './salesforceScenarios.ts';

salesforceScenarios(OPEN_CTI);
