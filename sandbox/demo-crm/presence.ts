// The demo CRM's own agent status, kept in step with the Flex activity through the host SDK's
// presence sync (setActivity and the presence event), as docs/embedding.md shows an app doing it.
// The mapping is the app's: Ready ↔ Available, On break ↔ Break, Away ↔ Unavailable; Flex's
// Offline has no CRM status and changes nothing here.
import type { FlexConnection } from '@flex-crm/host-sdk';

export type CrmStatus = 'ready' | 'break' | 'away';

export const CRM_STATUS_LABELS: Record<CrmStatus, string> = {
    ready: 'Ready',
    break: 'On break',
    away: 'Away'
};

const FLEX_ACTIVITY_OF: Record<CrmStatus, string> = {
    ready: 'Available',
    break: 'Break',
    away: 'Unavailable'
};

/** The CRM status a Flex activity maps to, or null (left alone). */
export function crmStatusOf(activity: string): CrmStatus | null {
    const found = (Object.keys(FLEX_ACTIVITY_OF) as CrmStatus[]).find(
        (status) => FLEX_ACTIVITY_OF[status] === activity
    );
    return found ?? null;
}

export function flexActivityOf(status: CrmStatus): string {
    return FLEX_ACTIVITY_OF[status];
}

/**
 * Wires the status menu to Flex, over whichever connection is current (the page may connect
 * again). `changes` records every change of the CRM status and who made it (the agent in the CRM,
 * or Flex), for the demo's tests. `follow` adds a connection's presence events.
 */
export function syncPresence(
    current: () => FlexConnection | null,
    menu: HTMLSelectElement,
    changes: { status: CrmStatus; by: 'agent' | 'flex' }[]
): { follow(connection: FlexConnection): void } {
    let flexActivity: string | null = null;
    menu.addEventListener('change', () => {
        const status = menu.value as CrmStatus;
        changes.push({ status, by: 'agent' });
        current()
            ?.setActivity(flexActivityOf(status), flexActivity)
            .catch((error: unknown) => {
                console.warn('[demo CRM] Flex did not take the status:', error);
            });
    });
    return {
        follow(connection) {
            connection.on('presence', ({ activity, cause }) => {
                if (connection !== current()) return;
                flexActivity = activity;
                // Only the agent's change in Flex moves the CRM: 'sync' is Flex doing what we asked.
                const status = crmStatusOf(activity);
                if (cause !== 'agent' || !status || status === menu.value) return;
                menu.value = status;
                changes.push({ status, by: 'flex' });
            });
        }
    };
}
