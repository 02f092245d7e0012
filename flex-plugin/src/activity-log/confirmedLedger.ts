/*
 * Which tasks the CRM confirmed a log for, and the id it gave: a task is logged once, whatever
 * fires twice (CompleteTask then taskCanceled), and late Copilot notes find the saved activity. In
 * memory only (a completed task cannot complete again after a reload), bounded in age and size.
 */
import type { OutboxClock } from './retryTimer';

export class ConfirmedLedger {
    private readonly confirmed = new Map<string, { recordId: string; at: number }>();

    constructor(
        private readonly clock: OutboxClock,
        private readonly rememberMs: number,
        private readonly rememberCount: number
    ) {}

    remember(key: string, recordId: string): void {
        this.confirmed.set(key, { recordId, at: this.clock.now() });
        for (const oldest of this.confirmed.keys()) {
            if (this.confirmed.size <= this.rememberCount) break;
            this.confirmed.delete(oldest);
        }
    }

    /** The id the CRM gave this task's log, if it confirmed one and it is not forgotten. */
    idOf(key: string): string | null {
        const entry = this.confirmed.get(key);
        if (!entry || this.clock.now() - entry.at > this.rememberMs) {
            return null;
        }
        return entry.recordId;
    }
}
