/*
 * When the outbox tries again: a doubling backoff with jitter, and one timer that wakes the outbox
 * at the earliest time something is due. The clock is injected, so tests drive time.
 */
export interface OutboxClock {
    now(): number;
    setTimeout(run: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
}

export const systemClock: OutboxClock = {
    now: () => Date.now(),
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

/** setTimeout's largest delay: a longer one fires at once, in a loop. */
const MAX_TIMER_MS = 2_147_483_647;

/** Doubling from the first delay up to the cap, with ±20% jitter so softphones spread out. */
export function backoffMs(
    attempts: number,
    firstRetryMs: number,
    maxRetryMs: number,
    random: () => number
): number {
    const base = Math.min(maxRetryMs, firstRetryMs * 2 ** (attempts - 1));
    return Math.round(base * (0.8 + 0.4 * random()));
}

/** One pending wake-up; asking for a later one than what is set keeps the earlier. */
export class WakeTimer {
    private timer: unknown = null;
    private timerAt = Infinity;

    constructor(
        private readonly clock: OutboxClock,
        private readonly wake: () => void
    ) {}

    at(time: number): void {
        if (this.timer !== null && this.timerAt <= time) {
            return;
        }
        this.cancel();
        this.timerAt = time;
        this.timer = this.clock.setTimeout(
            () => {
                this.timer = null;
                this.timerAt = Infinity;
                this.wake();
            },
            Math.min(MAX_TIMER_MS, Math.max(0, time - this.clock.now()) || 0)
        );
    }

    cancel(): void {
        if (this.timer !== null) {
            this.clock.clearTimeout(this.timer);
            this.timer = null;
            this.timerAt = Infinity;
        }
    }
}
