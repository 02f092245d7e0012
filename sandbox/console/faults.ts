// Fault injection: fail, delay or drop the next N Open CTI calls of a method.
export type FaultMode = 'fail' | 'delay' | 'drop';

export interface Fault {
    methodName: string;
    mode: FaultMode;
    count: number;
    delayMs?: number;
}

/** Mulberry32: a small seeded generator, so a soak run's failures can be replayed. */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export class Faults {
    private readonly pending: Fault[] = [];
    private atRandom: { methodName: string; rate: number; next: () => number } | null = null;

    /** From now on, each call of `methodName` fails with probability `rate` (after scripted faults). */
    failAtRandom(methodName: string, rate: number, seed = 1): void {
        if (!(rate >= 0 && rate <= 1)) {
            throw new Error('rate must be between 0 and 1');
        }
        this.atRandom = { methodName, rate, next: seededRandom(seed) };
    }

    inject(fault: Fault): void {
        if (!Number.isInteger(fault.count) || fault.count < 1) {
            throw new Error('count must be a whole number of calls, 1 or more');
        }
        if (!['fail', 'delay', 'drop'].includes(fault.mode)) {
            throw new Error(`unknown fault mode ${String(fault.mode)}`);
        }
        this.pending.push({ ...fault });
    }

    /** The fault for this call, if one is waiting; each call uses one. */
    take(methodName: string): Fault | undefined {
        const fault = this.pending.find(
            (each) => each.methodName === methodName || each.methodName === '*'
        );
        if (!fault) {
            const random = this.atRandom;
            return random && random.methodName === methodName && random.next() < random.rate
                ? { methodName, mode: 'fail', count: 1 }
                : undefined;
        }
        fault.count -= 1;
        if (fault.count === 0) {
            this.pending.splice(this.pending.indexOf(fault), 1);
        }
        return fault;
    }

    clear(): void {
        this.pending.length = 0;
        this.atRandom = null;
    }

    list(): Fault[] {
        return this.pending.map((fault) => ({ ...fault }));
    }
}
