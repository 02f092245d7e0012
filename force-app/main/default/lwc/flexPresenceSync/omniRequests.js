/*
 * The Omni-Channel toolkit as promises, over the Aura shell: only an Aura component can hold
 * lightning:omniToolkitAPI, so this component asks its shell (an `omnirequest` event) and the shell
 * answers through the component's omniResult() method. A request the shell never answers fails
 * after a while instead of stopping the sync.
 */
import { LOGGED_OUT } from './presenceMapping';

export const OMNI_TIMEOUT_MS = 10000;

/**
 * @typedef {{ requestId: number, operation: 'getStatus' | 'setStatus' | 'logout', statusId: string | null }} OmniRequest
 * @typedef {{ requestId: unknown, ok: unknown, value?: unknown, error?: unknown }} OmniResult
 */

export class OmniRequests {
    /** @param {(request: OmniRequest) => void} send */
    constructor(send) {
        this.send = send;
        this.nextId = 1;
        /** @type {Map<number, {resolve: (value: unknown) => void, reject: (error: unknown) => void}>} */
        this.pending = new Map();
    }

    /**
     * @param {'getStatus' | 'setStatus' | 'logout'} operation
     * @param {string | null} statusId
     */
    request(operation, statusId = null) {
        const requestId = this.nextId++;
        return new Promise((resolve, reject) => {
            this.pending.set(requestId, { resolve, reject });
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- the shell may never answer
            setTimeout(() => {
                if (this.pending.delete(requestId)) {
                    reject(new Error('Omni-Channel did not answer'));
                }
            }, OMNI_TIMEOUT_MS);
            this.send({ requestId, operation, statusId });
        });
    }

    /** The shell's answer; one for a request not pending (late, or made up) changes nothing. */
    settle(/** @type {OmniResult} */ result) {
        const id = /** @type {number} */ (result?.requestId);
        const waiting = this.pending.get(id);
        if (!waiting) {
            return;
        }
        this.pending.delete(id);
        if (result.ok === true) {
            waiting.resolve(result.value);
        } else {
            waiting.reject(result.error ?? new Error('Omni-Channel refused'));
        }
    }

    /** @returns {import('./presenceSync').OmniClient} */
    client() {
        return {
            current: async () => stateOf(await this.request('getStatus')),
            setStatus: async (statusId) => {
                await this.request('setStatus', statusId);
            },
            logout: async () => {
                await this.request('logout');
            }
        };
    }
}

/**
 * The Omni-Channel state a toolkit answer or event names: its status API name, or logged out.
 * @param {unknown} detail
 * @returns {import('./presenceSync').OmniState}
 */
export function stateOf(detail) {
    const shape = /** @type {{statusApiName?: unknown, statusId?: unknown}} */ (detail ?? {});
    const apiName = typeof shape.statusApiName === 'string' ? shape.statusApiName : '';
    return apiName
        ? { key: apiName, statusId: typeof shape.statusId === 'string' ? shape.statusId : null }
        : { key: LOGGED_OUT, statusId: null };
}
