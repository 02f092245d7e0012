// The Open CTI wire protocol between a softphone iframe and the Lightning console, as documented
// in docs/reference/open-cti.md (learned from Salesforce's guide and public copies of its
// client script; none of Salesforce's code is used here).

export const API_TYPE = 'opencti';

export interface OpenCtiError {
    code: string;
    description: string;
    details: unknown[];
}

export interface OpenCtiResponse {
    success: boolean;
    returnValue: unknown;
    errors: OpenCtiError[] | null;
    /** subscribe's callback gets the subscription instead of a returnValue. */
    subscription?: unknown;
}

/** Softphone → console. */
export interface OpenCtiRequest {
    methodName: string;
    callId: number;
    apiVersion: string;
    apiType: typeof API_TYPE;
    isCallbackRegistered: boolean;
    isListenerRegistered: boolean;
    args: Record<string, unknown>;
}

/** Console → softphone: an answer to one call, or an event for registered listeners. */
export interface OpenCtiReply {
    apiVersion: string;
    apiType: typeof API_TYPE;
    methodName: string;
    callId?: number;
    eventName?: string;
    shouldExecuteCallback: boolean;
    shouldExecuteListener: boolean;
    response: OpenCtiResponse;
}

// Salesforce's enums, shared with the plugin's client and its test double.
export {
    CALL_TYPE,
    SCREENPOP_TYPE
} from '../../flex-plugin/src/transports/salesforce/openCtiProtocol.ts';

export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isOpenCtiRequest(data: unknown): data is OpenCtiRequest {
    return (
        isRecord(data) &&
        data.apiType === API_TYPE &&
        typeof data.methodName === 'string' &&
        typeof data.callId === 'number' &&
        typeof data.apiVersion === 'string' &&
        isRecord(data.args)
    );
}

export function isOpenCtiReply(data: unknown, apiVersion: string): data is OpenCtiReply {
    return (
        isRecord(data) &&
        data.apiType === API_TYPE &&
        data.apiVersion === apiVersion &&
        typeof data.methodName === 'string' &&
        isRecord(data.response) &&
        typeof data.response.success === 'boolean'
    );
}
