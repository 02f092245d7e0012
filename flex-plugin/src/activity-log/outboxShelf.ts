/*
 * The outbox's part of browser storage: one key per log under the worker's namespace
 * (`flexSalesforce.activityLog.v1.<worker>.log.<task>`, kept as it was for the logs already
 * waiting in agents' browsers). Every storage call may throw (blocked for a third-party frame,
 * full): the shelf catches it, says so once, and answers as if nothing were stored.
 */
import { ENTRY_KEY } from './storedEntry';

/** The part of `window.localStorage` the outbox uses; every call may throw (blocked, full). */
export interface OutboxStorage {
    readonly length: number;
    key(index: number): string | null;
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
}

/** Salesforce's prefix; another CRM's logs wait under their own (ActivityStore.storagePrefix). */
export const DEFAULT_PREFIX = 'flexSalesforce.activityLog.v1';

export class OutboxShelf {
    private warned = false;

    constructor(
        private readonly storage: OutboxStorage | null,
        owner: string,
        /** Called once, the first time storage fails. */
        private readonly unavailable: () => void,
        prefix: string = DEFAULT_PREFIX
    ) {
        this.namespace = `${prefix}.${owner}.`;
    }

    readonly namespace: string;

    get probeKey(): string {
        return `${this.namespace}probe`;
    }

    entryKey(key: string): string {
        return `${this.namespace}log.${key}`;
    }

    /** The log key in a storage key of this worker, or null (the probe, or anything else). */
    logKeyOf(storageKey: string): string | null {
        const prefix = `${this.namespace}log.`;
        const key = storageKey.startsWith(prefix) ? storageKey.slice(prefix.length) : null;
        return key !== null && ENTRY_KEY.test(key) ? key : null;
    }

    /**
     * Tells at start-up, not at the first log, when this browser keeps nothing: a write and its
     * removal, under this owner's keys.
     */
    probe(): void {
        if (this.write(this.probeKey, '1')) {
            this.remove(this.probeKey);
        }
    }

    /** Every storage key under this worker's namespace. */
    keys(): string[] {
        const keys: string[] = [];
        try {
            for (let i = 0; this.storage && i < this.storage.length; i++) {
                const key = this.storage.key(i);
                if (key?.startsWith(this.namespace)) {
                    keys.push(key);
                }
            }
        } catch {
            this.failed();
        }
        return keys;
    }

    read(key: string): string | null {
        try {
            return this.storage?.getItem(key) ?? null;
        } catch {
            this.failed();
            return null;
        }
    }

    write(key: string, value: string): boolean {
        try {
            if (!this.storage) {
                this.failed();
                return false;
            }
            this.storage.setItem(key, value);
            return true;
        } catch {
            this.failed();
            return false;
        }
    }

    remove(key: string): void {
        try {
            this.storage?.removeItem(key);
        } catch {
            this.failed();
        }
    }

    private failed(): void {
        if (!this.warned) {
            this.warned = true;
            this.unavailable();
        }
    }
}
