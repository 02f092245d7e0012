/*
 * The shapes of Salesforce's client scripts as this plugin uses them: `window.sforce.opencti` (Open
 * CTI, Lightning, API 47+) and `window.sforce.console` (Console Integration Toolkit), their callback
 * answers and their enums. Shapes follow docs/reference/open-cti.md; no behaviour here.
 */

export interface OpenCtiErrorShape {
    code?: string;
    description?: string;
    details?: unknown;
}

/** What every Open CTI callback receives. */
export interface OpenCtiResponse<T> {
    success: boolean;
    returnValue: T | null;
    errors: OpenCtiErrorShape[] | null;
}

/** `subscribe` is the exception: its callback gets `subscription`, not `returnValue`. */
export interface SubscribeResponse {
    success: boolean;
    subscription: unknown;
    errors: OpenCtiErrorShape[] | null;
}

/** The `onClickToDial` listener payload. `number` is the field value as displayed, not E.164. */
export interface ClickToDialPayload {
    number?: unknown;
    recordId?: unknown;
    recordName?: unknown;
    objectType?: unknown;
    accountId?: unknown;
    contactId?: unknown;
    personAccount?: unknown;
}

/** `searchAndScreenPop`'s map recordId → record, as Salesforce returns it (untrusted shape). */
export type SearchResultMap = Record<string, unknown>;

export type Callback<T> = (response: OpenCtiResponse<T>) => void;

/** `window.sforce.opencti` as Salesforce's script defines it (Lightning, API 47+). */
export interface SforceOpenCti {
    enableClickToDial(args: { callback: Callback<null> }): void;
    onClickToDial(args: { listener: (payload: ClickToDialPayload) => void }): void;
    screenPop(args: { type: string; params: object; callback: Callback<null> }): void;
    searchAndScreenPop(args: {
        searchParams: string;
        callType: string;
        deferred: boolean;
        queryParams?: string;
        defaultFieldValues?: Record<string, string>;
        callback: Callback<SearchResultMap>;
    }): void;
    setSoftphonePanelVisibility(args: { visible: boolean; callback: Callback<null> }): void;
    isSoftphonePanelVisible(args: { callback: Callback<{ visible: boolean }> }): void;
    subscribe(args: {
        channelName: string;
        listener: (message: unknown) => void;
        callback: (response: SubscribeResponse) => void;
    }): void;
    unsubscribe(args: { subscription: unknown; callback: Callback<null> }): void;
    publish(args: { channelName: string; message: object; callback: Callback<null> }): void;
    saveLog(args: { value: Record<string, unknown>; callback: Callback<string> }): void;
    setSoftphoneItemIcon(args: { key: string; callback: Callback<null> }): void;
    setSoftphoneItemLabel(args: { label: string; callback: Callback<null> }): void;
    refreshView(args: { callback: Callback<null> }): void;
}

export { CALL_TYPE, SCREENPOP_TYPE } from './openCtiProtocol';

/** `window.sforce.console` (Console Integration Toolkit), as far as the plugin uses it. */
export interface SforceConsole {
    setCustomConsoleComponentPopoutable(
        popoutable: boolean,
        callback?: (result: { success?: boolean }) => void
    ): void;
}

/** `window.sforce`, as far as the plugin reads it. */
export interface SforceWindow {
    sforce?: { opencti?: SforceOpenCti; console?: SforceConsole };
}
