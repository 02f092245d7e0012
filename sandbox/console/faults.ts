// Fault injection: fail, delay or drop the next N Open CTI calls of a method.
export type FaultMode = 'fail' | 'delay' | 'drop';

export interface Fault {
    methodName: string;
    mode: FaultMode;
    count: number;
    delayMs?: number;
}

export class Faults {
    private readonly pending: Fault[] = [];

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
            return undefined;
        }
        fault.count -= 1;
        if (fault.count === 0) {
            this.pending.splice(this.pending.indexOf(fault), 1);
        }
        return fault;
    }

    clear(): void {
        this.pending.length = 0;
    }

    list(): Fault[] {
        return this.pending.map((fault) => ({ ...fault }));
    }
}
