// The console side of Open CTI: answers the softphone's requests as Lightning Experience does
// (see docs/reference/open-cti.md). Only the softphone frame, from its own origin, is heard.
import {
    API_TYPE,
    isOpenCtiRequest,
    isRecord,
    type OpenCtiError,
    type OpenCtiReply,
    type OpenCtiRequest,
    type OpenCtiResponse
} from '../opencti/protocol.ts';
import type { Faults } from './faults.ts';
import type { SandboxRecord } from './fixtures.ts';
import type { Journal } from './journal.ts';
import type { LmsBus, LmsSubscription } from './lmsBus.ts';
import { saveLog } from './saveLog.ts';
import { searchRecords, toSearchResultMap } from './search.ts';

export interface ConsoleSurface {
    records: SandboxRecord[];
    openRecord(recordId: string): boolean;
    currentRecord(): SandboxRecord | undefined;
    setPanelVisible(visible: boolean): void;
    isPanelVisible(): boolean;
    setClickToDialEnabled(enabled: boolean): void;
    setItemIcon(key: string): void;
    setItemLabel(label: string): void;
    /** Console Integration Toolkit: may the agent pop the softphone out of the utility bar? */
    setPopoutable(popoutable: boolean): void;
    refreshView(): void;
}

export interface HostWindow {
    addEventListener(
        type: 'message',
        listener: (event: { origin: string; source: unknown; data: unknown }) => void
    ): void;
}

export interface SoftphoneFrame {
    /** The iframe's window, or null while it is not attached. */
    window(): { postMessage(message: unknown, targetOrigin: string): void } | null;
    origin: string;
}

export interface OpenCtiHost {
    /** An agent clicked a phone number: tell the softphone, if it enabled click-to-dial. */
    clickToDial(record: SandboxRecord, field: string): boolean;
    navigationChanged(): void;
    /** The softphone page is going away: forget its listeners, subscriptions and click-to-dial. */
    softphoneUnloaded(): void;
}

const LMS_OWNER = 'softphone';
const PHONE_LAYOUT_OBJECTS = ['Contact', 'Lead', 'Account', 'Case', 'Opportunity'];

function error(code: string, description: string, details: unknown[] = []): OpenCtiError {
    return { code, description, details };
}

const ok = (returnValue: unknown = null): OpenCtiResponse => ({
    success: true,
    returnValue,
    errors: null
});
const failed = (...errors: OpenCtiError[]): OpenCtiResponse => ({
    success: false,
    returnValue: null,
    errors
});

export function createOpenCtiHost({
    win,
    softphone,
    surface,
    journal,
    faults,
    lms
}: {
    win: HostWindow;
    softphone: SoftphoneFrame;
    surface: ConsoleSurface;
    journal: Journal;
    faults: Faults;
    lms: LmsBus;
}): OpenCtiHost {
    let clickToDialEnabled = false;
    const listenerVersions = new Map<string, string>();
    const softphoneSubscriptions = new Map<string, LmsSubscription>();

    const send = (reply: OpenCtiReply): void => {
        const target = softphone.window();
        if (!target) {
            return;
        }
        journal.record({
            kind: reply.shouldExecuteCallback ? 'response' : 'event',
            methodName: reply.methodName,
            callId: reply.callId,
            payload: reply.response
        });
        target.postMessage(reply, softphone.origin);
    };

    const answer = (request: OpenCtiRequest, response: OpenCtiResponse): void => {
        if (!request.isCallbackRegistered) {
            return;
        }
        send({
            apiVersion: request.apiVersion,
            apiType: API_TYPE,
            methodName: request.methodName,
            callId: request.callId,
            shouldExecuteCallback: true,
            shouldExecuteListener: false,
            response
        });
    };

    const push = (methodName: string, payload: unknown, eventName?: string): void => {
        const apiVersion = listenerVersions.get(eventName ?? methodName);
        if (!apiVersion) {
            return;
        }
        send({
            apiVersion,
            apiType: API_TYPE,
            methodName,
            eventName: eventName ?? methodName,
            shouldExecuteCallback: false,
            shouldExecuteListener: true,
            response: ok(payload)
        });
    };

    const appView = () => {
        const record = surface.currentRecord();
        return record
            ? {
                  url: `/lightning/r/${record.objectApiName}/${record.Id}/view`,
                  recordId: record.Id,
                  recordName: record.Name,
                  objectType: record.objectApiName
              }
            : { url: '/lightning/page/home' };
    };

    const handlers: Record<string, (request: OpenCtiRequest) => OpenCtiResponse | null> = {
        enableClickToDial: () => {
            clickToDialEnabled = true;
            surface.setClickToDialEnabled(true);
            return ok();
        },
        disableClickToDial: () => {
            clickToDialEnabled = false;
            surface.setClickToDialEnabled(false);
            return ok();
        },
        onClickToDial: (request) => {
            listenerVersions.set('onClickToDial', request.apiVersion);
            return null;
        },
        onNavigationChange: (request) => {
            listenerVersions.set('onNavigationChange', request.apiVersion);
            return null;
        },
        screenPop: ({ args }) => {
            const params = isRecord(args.params) ? args.params : {};
            if (args.type === 'sobject') {
                return typeof params.recordId === 'string' && surface.openRecord(params.recordId)
                    ? ok()
                    : failed(
                          error('INVALID_PARAM', `No record with Id ${String(params.recordId)}`)
                      );
            }
            if (
                ['url', 'objecthome', 'list', 'search', 'newRecord', 'flow'].includes(
                    String(args.type)
                )
            ) {
                return ok();
            }
            return failed(error('INVALID_PARAM', `Unknown screenPop type ${String(args.type)}`));
        },
        searchAndScreenPop: ({ args }) => {
            if (!['inbound', 'outbound', 'internal'].includes(String(args.callType))) {
                return failed(
                    error('INVALID_PARAM', 'callType must be inbound, outbound or internal')
                );
            }
            const found = searchRecords(
                surface.records,
                typeof args.searchParams === 'string' ? args.searchParams : ''
            );
            if (found.length === 1 && args.deferred !== true) {
                surface.openRecord(found[0]?.Id ?? '');
            }
            return ok(toSearchResultMap(found));
        },
        setSoftphonePanelVisibility: ({ args }) => {
            if (typeof args.visible !== 'boolean') {
                return failed(error('INVALID_PARAM', 'visible must be true or false'));
            }
            surface.setPanelVisible(args.visible);
            return ok();
        },
        isSoftphonePanelVisible: () => ok({ visible: surface.isPanelVisible() }),
        setSoftphoneItemIcon: ({ args }) => {
            surface.setItemIcon(String(args.key));
            return ok();
        },
        setSoftphonePanelIcon: () => ok(),
        setSoftphoneItemLabel: ({ args }) => {
            surface.setItemLabel(String(args.label));
            return ok();
        },
        setSoftphonePanelLabel: () => ok(),
        setCustomConsoleComponentPopoutable: ({ args }) => {
            if (typeof args.popoutable !== 'boolean') {
                return failed(error('INVALID_PARAM', 'popoutable must be true or false'));
            }
            surface.setPopoutable(args.popoutable);
            return ok();
        },
        setSoftphonePanelHeight: ({ args }) =>
            typeof args.heightPX === 'number' && args.heightPX >= 240 && args.heightPX <= 2560
                ? ok()
                : failed(error('INVALID_PARAM', 'heightPX must be between 240 and 2560')),
        setSoftphonePanelWidth: ({ args }) =>
            typeof args.widthPX === 'number' && args.widthPX >= 200 && args.widthPX <= 1920
                ? ok()
                : failed(error('INVALID_PARAM', 'widthPX must be between 200 and 1920')),
        getAppViewInfo: () => ok(appView()),
        getCallCenterSettings: () =>
            ok({
                '/reqGeneralInfo/reqInternalName': 'Twilio_Flex',
                '/reqGeneralInfo/reqAdapterUrl': `${softphone.origin}/softphone/`
            }),
        getSoftphoneLayout: () =>
            ok(
                Object.fromEntries(
                    ['Inbound', 'Outbound', 'Internal'].map((type) => [
                        type,
                        {
                            objects: Object.fromEntries(
                                PHONE_LAYOUT_OBJECTS.map((name) => [
                                    name,
                                    [{ apiName: 'Name', displayName: 'Name' }]
                                ])
                            )
                        }
                    ])
                )
            ),
        saveLog: ({ args }) => {
            const result = saveLog(surface.records, args.object);
            return result.ok ? ok(result.record.Id) : failed(result.error);
        },
        refreshView: () => {
            surface.refreshView();
            return ok();
        },
        notifyInitializationComplete: () => ok(),
        runApex: () =>
            failed(error('GENERIC_ERROR', 'Apex is not available in the sandbox console')),
        subscribe: ({ args, apiVersion }) => {
            const channel = String(args.eventName ?? '');
            if (!/^[A-Za-z][A-Za-z0-9_]*__c$/.test(channel)) {
                return failed(error('INVALID_PARAM', `${channel} is not a message channel`));
            }
            listenerVersions.set(channel, apiVersion);
            if (!softphoneSubscriptions.has(channel)) {
                softphoneSubscriptions.set(
                    channel,
                    lms.subscribe(
                        channel,
                        (message) => push('subscribe', message, channel),
                        LMS_OWNER
                    )
                );
            }
            return {
                success: true,
                returnValue: null,
                errors: null,
                subscription: args.subscription
            };
        },
        unsubscribe: ({ args }) => {
            const channel = String(args.eventName ?? '');
            lms.unsubscribe(softphoneSubscriptions.get(channel));
            softphoneSubscriptions.delete(channel);
            return ok();
        },
        publish: ({ args }) => {
            const channel = String(args.eventName ?? '');
            if (!/^[A-Za-z][A-Za-z0-9_]*__c$/.test(channel)) {
                return failed(error('INVALID_PARAM', `${channel} is not a message channel`));
            }
            lms.publish(channel, args.message, LMS_OWNER);
            return ok();
        }
    };

    const handle = (request: OpenCtiRequest): void => {
        const handler = handlers[request.methodName];
        if (!handler) {
            answer(request, failed(error('INVALID_PARAM', `Unknown method ${request.methodName}`)));
            return;
        }
        const fault = faults.take(request.methodName);
        if (fault?.mode === 'drop') {
            return;
        }
        if (fault?.mode === 'fail') {
            answer(
                request,
                failed(
                    error(
                        'GENERIC_ERROR',
                        `${request.methodName} failed (fault injected in the sandbox console)`
                    )
                )
            );
            return;
        }
        const run = () => {
            const response = handler(request);
            if (response) {
                answer(request, response);
            }
        };
        if (fault?.mode === 'delay') {
            setTimeout(run, fault.delayMs ?? 1000);
        } else {
            run();
        }
    };

    win.addEventListener('message', (event) => {
        const frame = softphone.window();
        // Only the softphone frame, from the softphone's origin: never a substring or a look-alike.
        if (!frame || event.source !== frame || event.origin !== softphone.origin) {
            if (isRecord(event.data) && event.data.apiType === API_TYPE) {
                journal.record({
                    kind: 'refused',
                    methodName: String(event.data.methodName ?? ''),
                    payload: { origin: event.origin }
                });
            }
            return;
        }
        if (!isOpenCtiRequest(event.data)) {
            return;
        }
        journal.record({
            kind: 'request',
            methodName: event.data.methodName,
            callId: event.data.callId,
            payload: event.data.args
        });
        handle(event.data);
    });

    return {
        clickToDial(record, field) {
            const number = record.fields[field];
            if (!clickToDialEnabled || typeof number !== 'string') {
                return false;
            }
            const accountId = record.fields.AccountId;
            const payload: Record<string, unknown> = {
                number,
                recordId: record.Id,
                recordName: record.Name,
                objectType: record.objectApiName,
                params: `${field}=${number}`
            };
            if (typeof accountId === 'string') {
                payload.accountId = accountId;
            }
            if (record.fields.IsPersonAccount === true) {
                payload.personAccount = true;
                payload.contactId = record.fields.PersonContactId;
            }
            push('onClickToDial', payload);
            return true;
        },
        navigationChanged() {
            push('onNavigationChange', appView());
        },
        softphoneUnloaded() {
            clickToDialEnabled = false;
            surface.setClickToDialEnabled(false);
            listenerVersions.clear();
            softphoneSubscriptions.forEach((subscription) => lms.unsubscribe(subscription));
            softphoneSubscriptions.clear();
        }
    };
}
