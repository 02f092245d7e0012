// The simulated org's side of Salesforce without Open CTI: what the package's softphone LWC calls
// (its Apex, uiRecordApi's createRecord and updateRecord, the utility bar API), answered from the
// console's records with the same Task rules as saveLog, and the same fault injection by method
// name ('apex:FlexRecordSearch.search', 'createRecord', …). Errors have uiRecordApi's shape.
import type { Faults } from './faults.ts';
import type { SandboxRecord } from './fixtures.ts';
import { saveLog } from './saveLog.ts';
import { searchRecords } from './search.ts';

/** What uiRecordApi rejects with when Salesforce refused a save (its documented error body). */
export interface RecordApiError {
    body: {
        message: string;
        output?: {
            errors: { errorCode: string; message: string }[];
            fieldErrors: Record<string, { errorCode: string; message: string }[]>;
        };
    };
    status: number;
}

export interface UtilityState {
    label: string;
    icon: string;
    highlighted: boolean;
    popOutDisabled: boolean;
    open: boolean;
}

/** Every call the LWC made, in order: what a test counts. */
export interface PlatformCall {
    method: string;
    params: unknown;
}

const transient = (method: string): RecordApiError => ({
    body: { message: `${method} failed: Service Unavailable (sandbox fault)` },
    status: 503
});

export function createLwcPlatform(options: {
    records: SandboxRecord[];
    faults: Faults;
    openRecord(recordId: string): boolean;
    refreshView(): void;
    /** What FlexPresenceMappings.getMappings answers: the org's presence mapping rows. */
    presenceMappings?: unknown[];
}) {
    const calls: PlatformCall[] = [];
    const utility: UtilityState = {
        label: '',
        icon: '',
        highlighted: false,
        popOutDisabled: false,
        open: false
    };
    const utilityListeners = new Set<(state: UtilityState) => void>();

    /** Applies the fault waiting for this method, if any: fails, waits, or never answers. */
    async function faultFor(method: string): Promise<void> {
        const fault = options.faults.take(method);
        if (!fault) return;
        if (fault.mode === 'fail') throw transient(method);
        if (fault.mode === 'drop') await new Promise(() => {});
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 0));
    }

    function save(value: Record<string, unknown>): { id: string } {
        const result = saveLog(options.records, value);
        if (!result.ok) {
            const detail = result.error.details[0] as
                { fieldName?: string; statusCode?: string; message?: string } | undefined;
            throw {
                body: {
                    message: result.error.description,
                    output: detail?.fieldName
                        ? {
                              errors: [],
                              fieldErrors: {
                                  [detail.fieldName]: [
                                      {
                                          errorCode: String(detail.statusCode),
                                          message: String(detail.message)
                                      }
                                  ]
                              }
                          }
                        : {
                              errors: [
                                  {
                                      errorCode: result.error.code,
                                      message: result.error.description
                                  }
                              ],
                              fieldErrors: {}
                          }
                },
                status: 400
            } satisfies RecordApiError;
        }
        options.refreshView();
        return { id: result.record.Id };
    }

    const notifyUtility = () => utilityListeners.forEach((listener) => listener({ ...utility }));

    return {
        calls,
        async apex(name: string, params: Record<string, unknown>): Promise<unknown> {
            calls.push({ method: `apex:${name}`, params });
            await faultFor(`apex:${name}`);
            if (name === 'FlexRecordSearch.search') {
                const objects = Array.isArray(params.objectApiNames) ? params.objectApiNames : [];
                return searchRecords(options.records, String(params.term ?? ''))
                    .filter((record) => objects.includes(record.objectApiName))
                    .map((record) => ({
                        recordId: record.Id,
                        objectApiName: record.objectApiName,
                        name: record.Name
                    }));
            }
            if (name === 'FlexPresenceMappings.getMappings') {
                return options.presenceMappings;
            }
            if (name === 'FlexRecordSearch.findLoggedTask') {
                const sid = String(params.flexTaskSid ?? '');
                return (
                    options.records.find(
                        (record) =>
                            record.objectApiName === 'Task' &&
                            record.fields.Flex_Task_Sid__c === sid
                    )?.Id ?? null
                );
            }
            throw { body: { message: `No such Apex method ${name}` }, status: 404 };
        },
        async createRecord(input: { apiName: string; fields: Record<string, unknown> }) {
            calls.push({ method: 'createRecord', params: input });
            await faultFor('createRecord');
            if (input.apiName !== 'Task') {
                throw {
                    body: { message: `The sandbox org creates Tasks only, not ${input.apiName}` },
                    status: 400
                } satisfies RecordApiError;
            }
            return save({ entityApiName: 'Task', ...input.fields });
        },
        async updateRecord(input: { fields: Record<string, unknown> }) {
            calls.push({ method: 'updateRecord', params: input });
            await faultFor('updateRecord');
            return save(input.fields);
        },
        navigate(pageReference: { type?: string; attributes?: { recordId?: string } }) {
            calls.push({ method: 'navigate', params: pageReference });
            if (
                pageReference.type === 'standard__recordPage' &&
                pageReference.attributes?.recordId
            ) {
                options.openRecord(pageReference.attributes.recordId);
            }
        },
        utility: {
            state: () => ({ ...utility }),
            update(changes: Partial<UtilityState>) {
                calls.push({ method: 'updateUtility', params: changes });
                Object.assign(utility, changes);
                notifyUtility();
            },
            open() {
                calls.push({ method: 'openUtility', params: null });
                utility.open = true;
                notifyUtility();
            },
            onChange(listener: (state: UtilityState) => void) {
                utilityListeners.add(listener);
                return () => utilityListeners.delete(listener);
            }
        }
    };
}

export type LwcPlatform = ReturnType<typeof createLwcPlatform>;
