// Stand-in for Salesforce Omni-Channel as presence sync sees it: the agent's presence status, the
// lightning:omniToolkitAPI methods (getServicePresenceStatusId, setServicePresenceStatus, logout)
// and the lightning:omniChannelStatusChanged / omniChannelLogout events, as Salesforce documents
// them (docs/reference/omni-channel.md). The console's Omni-Channel menu is the agent's widget.
import { toId18 } from '../../force-app/main/default/lwc/flexContract/flexContract.js';

export interface PresenceStatus {
    statusId: string;
    statusName: string;
    statusApiName: string;
    /** Given to the sandbox agent (profile or permission set); only these can be set. */
    granted: boolean;
}

const statusId = (n: number): string => toId18(`0N5${String(n).padStart(12, '0')}`) as string;

/** The sandbox org's presence statuses. Busy is not granted to the agent; Training is unmapped. */
export const PRESENCE_STATUSES: readonly PresenceStatus[] = [
    { statusId: statusId(1), statusName: 'Available', statusApiName: 'Available', granted: true },
    { statusId: statusId(2), statusName: 'Break', statusApiName: 'Break', granted: true },
    { statusId: statusId(3), statusName: 'Busy', statusApiName: 'Busy', granted: false },
    { statusId: statusId(4), statusName: 'Training', statusApiName: 'Training', granted: true }
];

export type StatusChangeReason =
    'OmniToolkitStatusChange' | 'OmniManualStatusChange' | 'OmniSupervisorStatusChange';

/** What lightning:omniChannelStatusChanged carries. */
export interface StatusChangedEvent {
    statusId: string;
    statusName: string;
    statusApiName: string;
    channels: string;
    reason: StatusChangeReason;
}

/** One change of the agent's presence, as a test counts them. */
export interface PresenceChange {
    status: string | null;
    reason: StatusChangeReason | 'logout';
}

export class OmniChannel {
    /** The status's API name; null while logged out. */
    private status: string | null = null;
    readonly changes: PresenceChange[] = [];
    private readonly statusListeners = new Set<(event: StatusChangedEvent) => void>();
    private readonly logoutListeners = new Set<(event: { reason?: string }) => void>();

    readonly statuses: readonly PresenceStatus[];

    /** `loggedInAs`: the status the agent starts with (an API name); null starts logged out. */
    constructor(
        loggedInAs: string | null = null,
        statuses: readonly PresenceStatus[] = PRESENCE_STATUSES
    ) {
        this.statuses = statuses;
        this.status = loggedInAs;
    }

    get current(): string | null {
        return this.status;
    }

    onStatusChanged(listener: (event: StatusChangedEvent) => void): void {
        this.statusListeners.add(listener);
    }

    onLogout(listener: (event: { reason?: string }) => void): void {
        this.logoutListeners.add(listener);
    }

    // lightning:omniToolkitAPI

    async getServicePresenceStatusId(): Promise<Omit<PresenceStatus, 'granted'>> {
        const status = this.statuses.find((each) => each.statusApiName === this.status);
        if (!status) throw new Error('The agent is not logged in to Omni-Channel');
        return describe(status);
    }

    /** Logs the agent in if needed; fails for a status not granted to them. */
    async setServicePresenceStatus({ statusId: id }: { statusId: string }) {
        const status = this.statuses.find((each) => each.statusId === id);
        if (!status || !status.granted) {
            throw new Error(`The presence status ${id} isn't available to this user`);
        }
        this.change(status, 'OmniToolkitStatusChange');
        return { ...describe(status), channels: '[]' };
    }

    async logout(): Promise<boolean> {
        this.loggedOut();
        return true;
    }

    // The agent's Omni-Channel widget

    /** The agent picks a status (an API name) or logs out (null). */
    agentSets(apiName: string | null): void {
        if (apiName === null) {
            this.loggedOut();
            return;
        }
        const status = this.statuses.find((each) => each.statusApiName === apiName && each.granted);
        if (!status) throw new Error(`No status ${apiName} for this agent`);
        this.change(status, 'OmniManualStatusChange');
    }

    private change(status: PresenceStatus, reason: StatusChangeReason): void {
        this.status = status.statusApiName;
        this.changes.push({ status: status.statusApiName, reason });
        const event = { ...describe(status), channels: '[]', reason };
        this.statusListeners.forEach((listener) => listener(event));
    }

    private loggedOut(): void {
        if (this.status === null) return;
        this.status = null;
        this.changes.push({ status: null, reason: 'logout' });
        this.logoutListeners.forEach((listener) => listener({}));
    }
}

function describe({ statusId: id, statusName, statusApiName }: PresenceStatus) {
    return { statusId: id, statusName, statusApiName };
}

/**
 * The sandbox org's own mapping, as FlexPresenceMappings.getMappings returns it: the package
 * examples' three pairs, plus Unavailable ↔ Busy (a status the agent was not granted).
 */
export function presenceMappingRows(statuses: readonly PresenceStatus[] = PRESENCE_STATUSES) {
    const idOf = (apiName: string) =>
        statuses.find((each) => each.statusApiName === apiName)?.statusId ?? null;
    const row = (name: string, flexActivity: string, omniStatus: string | null) => ({
        name,
        flexActivity,
        omniStatus,
        omniLoggedOut: omniStatus === null,
        direction: 'Both',
        omniStatusId: omniStatus === null ? null : idOf(omniStatus),
        example: false
    });
    return [
        row('Available', 'Available', 'Available'),
        row('Break', 'Break', 'Break'),
        row('Busy', 'Unavailable', 'Busy'),
        row('Offline', 'Offline', null)
    ];
}
