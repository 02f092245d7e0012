// What every capability gets when the integration starts, and the guard that keeps Flex safe.
import type * as Flex from '@twilio/flex-ui';
import type { Notify } from '../agent-messages/agentMessages';
import type { IntegrationConfig } from '../config/integrationConfig';
import type { CrmPort } from '../crm/crmPort';
import type { TaskLinks } from '../tasks/taskLinks';
import type { FlexSnapshot } from '../tasks/taskView';

export interface Logger {
    info(message: string, ...details: unknown[]): void;
    warn(message: string, ...details: unknown[]): void;
    error(message: string, ...details: unknown[]): void;
}

export const consoleLogger: Logger = {
    info: (message, ...details) => console.info(`[crm-integration] ${message}`, ...details),
    warn: (message, ...details) => console.warn(`[crm-integration] ${message}`, ...details),
    error: (message, ...details) => console.error(`[crm-integration] ${message}`, ...details)
};

export interface IntegrationContext {
    manager: Flex.Manager;
    config: IntegrationConfig;
    /** The CRM that hosts Flex, through its transport's adapter. */
    crm: CrmPort;
    links: TaskLinks;
    notify: Notify;
    log: Logger;
    snapshot(): FlexSnapshot;
    /** Registers an undo step, run by Integration.stop(). */
    onStop(undo: () => void): void;
}

/**
 * Wraps a listener that Flex or Salesforce calls: whatever goes wrong inside (a throw, a rejected
 * promise) is logged and stays here. The integration never throws into Flex.
 */
export function guarded<A extends unknown[]>(
    log: Logger,
    what: string,
    listener: (...args: A) => unknown
): (...args: A) => void {
    return (...args: A) => {
        try {
            const result = listener(...args);
            if (result instanceof Promise) {
                result.catch((error: unknown) => log.error(`${what} failed`, error));
            }
        } catch (error) {
            log.error(`${what} failed`, error);
        }
    };
}

export function describeError(error: unknown): string {
    if (typeof error === 'object' && error !== null && 'description' in error) {
        return String((error as { description: unknown }).description);
    }
    return error instanceof Error ? error.message : String(error);
}
