// A started integration on the test harness, for capability tests.
import { startIntegration, type Integration } from '../src/integration/startIntegration';
import {
    validateInteractionMessage,
    type InteractionMessage
} from '../src/transports/salesforce/lmsContract';
import {
    createHarness,
    dismissAllNotifications,
    embedIn,
    ENABLED_FOR_ORG,
    installOpenCti,
    SALESFORCE_ORIGIN,
    settle,
    type Harness
} from './flexHarness';

export interface Started extends Harness {
    integration: Integration;
    /** Every Flex_Interaction__c message published so far, each checked against the contract. */
    interactions(): InteractionMessage[];
    lastInteraction(): InteractionMessage | undefined;
    /** What the integration logged, as `level message` lines: a capability that throws logs an error. */
    logLines: string[];
}

let running: Integration | null = null;

export async function startWith(
    settings: Record<string, unknown> = {},
    options: { consoleToolkit?: boolean } = {}
): Promise<Started> {
    const h = createHarness({ salesforce_integration: { ...ENABLED_FOR_ORG, ...settings } });
    embedIn(SALESFORCE_ORIGIN);
    installOpenCti(h.openCti, options.consoleToolkit === false ? null : h.consoleToolkit);
    const logLines: string[] = [];
    const log = {
        info: (message: string) => void logLines.push(`info ${message}`),
        warn: (message: string) => void logLines.push(`warn ${message}`),
        error: (message: string) => void logLines.push(`error ${message}`)
    };
    const integration = await startIntegration({ manager: h.manager, window, log });
    if (!integration) throw new Error('integration did not start');
    running = integration;
    await settle();
    const interactions = () =>
        h.openCti.published
            .filter((p) => p.channelName === 'Flex_Interaction__c')
            .map((p) => {
                const validation = validateInteractionMessage(p.message);
                if (!validation.ok)
                    throw new Error(`published message breaks the contract: ${validation.error}`);
                return validation.value;
            });
    return {
        ...h,
        integration,
        interactions,
        lastInteraction: () => interactions().slice(-1)[0],
        logLines
    };
}

export function stopStarted(): void {
    running?.stop();
    running = null;
    dismissAllNotifications();
    installOpenCti(null);
}
