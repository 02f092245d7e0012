// The transfer objects of the TaskRouter SDK (twilio-taskrouter 2.x, lib/core/transfer): what a
// task being transferred carries (`transfers.outgoing`, with its events) and what the receiving
// worker's reservation and task carry (`transfer`, `transfers.incoming`). Same fields and
// statuses as the SDK's, including its `COMPLETE` (incoming) against `COMPLETED` (outgoing).
import { Emitter } from './emitter.ts';

export type TransferMode = 'WARM' | 'COLD';
export type TransferType = 'WORKER' | 'QUEUE';
/** What an outgoing transfer emits after the task's `transferInitiated`. */
export type TransferEventName = 'attemptFailed' | 'completed' | 'failed' | 'canceled';

/** What TaskRouter records of a transfer when it starts. */
export interface TransferFacts {
    sid: string;
    mode: TransferMode;
    type: TransferType;
    /** The Worker or TaskQueue SID the task goes to. */
    to: string;
    /** The reservation and worker that started it. */
    reservationSid: string;
    workerSid: string;
    queueSid: string;
    workflowSid: string;
}

/** The facts both sides of a transfer carry, as the SDK's Transfer base class does. */
class SandboxTransfer<Emitted extends string> extends Emitter<Emitted> {
    readonly dateCreated = new Date();
    dateUpdated = new Date();
    readonly sid: string;
    readonly mode: TransferMode;
    readonly type: TransferType;
    readonly to: string;
    readonly reservationSid: string;
    readonly workerSid: string;
    readonly queueSid: string;
    readonly workflowSid: string;

    constructor(facts: TransferFacts) {
        super();
        this.sid = facts.sid;
        this.mode = facts.mode;
        this.type = facts.type;
        this.to = facts.to;
        this.reservationSid = facts.reservationSid;
        this.workerSid = facts.workerSid;
        this.queueSid = facts.queueSid;
        this.workflowSid = facts.workflowSid;
    }
}

/** A transfer as the receiving worker sees it. */
export class SandboxIncomingTransfer extends SandboxTransfer<never> {
    status: 'INITIATED' | 'FAILED' | 'COMPLETE' | 'CANCELED' = 'INITIATED';
}

/** A transfer as the worker who started it sees it: it ends once, and says how. */
export class SandboxOutgoingTransfer extends SandboxTransfer<TransferEventName> {
    status: 'INITIATED' | 'FAILED' | 'COMPLETED' | 'CANCELED' = 'INITIATED';
    transferFailedReason = '';
    private readonly onCancel: () => void;

    constructor(facts: TransferFacts, onCancel: () => void) {
        super(facts);
        this.onCancel = onCancel;
    }

    /** Ends an initiated transfer; one that has ended cannot end again. */
    end(status: 'FAILED' | 'COMPLETED' | 'CANCELED', failedReason = ''): boolean {
        if (this.status !== 'INITIATED') return false;
        this.status = status;
        this.transferFailedReason = failedReason;
        this.dateUpdated = new Date();
        this.announce(
            status === 'COMPLETED' ? 'completed' : status === 'FAILED' ? 'failed' : 'canceled',
            this
        );
        return true;
    }

    /** The SDK's cancel: TaskRouter takes back the receiving worker's pending reservation. */
    async cancel(): Promise<SandboxOutgoingTransfer> {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (this.status !== 'INITIATED') {
            throw new Error(`Transfer ${this.sid} is ${this.status}; it cannot be canceled.`);
        }
        this.onCancel();
        this.end('CANCELED');
        return this;
    }
}
