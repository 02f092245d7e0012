/*
 * What Salesforce answers when Flex asks over the bridge: search (Apex SOSL), a record to show
 * (navigation), an activity to save (a Task through uiRecordApi; the Task's Id is the bridge's
 * acknowledgement), late notes (updateRecord) and showing Flex (the utility bar). The Salesforce
 * APIs come in as functions, so the decisions are tested without them.
 */
import {
    isSalesforceId,
    sameRecordId,
    MAX_NAME_LENGTH,
    OBJECT_API_NAME_PATTERN,
    TASK_SID_PATTERN
} from 'c/flexContract';
import { refuse } from 'c/flexHostSdk';
import { noteFields, taskFields } from './taskRecord';

const TASK_PREFIX = '00T';

/** Status codes of a record save that another try cannot fix: the agent must act. */
const LASTING_ERRORS = [
    'FIELD_CUSTOM_VALIDATION_EXCEPTION',
    'REQUIRED_FIELD_MISSING',
    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    'INSUFFICIENT_ACCESS_OR_READONLY',
    'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    'FIELD_INTEGRITY_EXCEPTION',
    'STRING_TOO_LONG'
];

/**
 * A uiRecordApi error's lasting problem (message and fields), or null when a retry may work.
 * @param {any} error
 * @returns {{message: string, fields: string[]} | null}
 */
export function lastingSaveProblem(error) {
    const output = error?.body?.output;
    const problems = [
        ...(output?.errors ?? []),
        ...Object.entries(output?.fieldErrors ?? {}).flatMap(([field, list]) =>
            /** @type {any[]} */ (list).map((each) => ({ ...each, field }))
        )
    ].filter((each) => LASTING_ERRORS.includes(each?.errorCode));
    if (problems.length === 0) return null;
    return {
        message: problems.map((each) => String(each.message ?? each.errorCode)).join('; '),
        fields: problems.map((each) => each.field).filter((field) => typeof field === 'string')
    };
}

/**
 * Search results as the bridge carries them: only valid IDs and object names, names clipped.
 * @param {unknown} matches
 * @returns {import('./types').BridgeRecord[]}
 */
export function bridgeRecords(matches) {
    if (!Array.isArray(matches)) return [];
    return matches
        .filter(
            (match) =>
                isSalesforceId(match?.recordId) &&
                typeof match?.objectApiName === 'string' &&
                OBJECT_API_NAME_PATTERN.test(match.objectApiName)
        )
        .map((match) => ({
            recordId: match.recordId,
            objectApiName: match.objectApiName,
            name: typeof match.name === 'string' ? match.name.slice(0, MAX_NAME_LENGTH) : null
        }));
}

/**
 * @typedef {object} SalesforceApis
 * @property {(params: {term: string, objectApiNames: string[]}) => Promise<unknown>} searchRecords
 * @property {(params: {flexTaskSid: string}) => Promise<string|null>} findLoggedTask
 * @property {(recordInput: {apiName: string, fields: Record<string, unknown>}) => Promise<{id: string}>} createRecord
 * @property {(recordInput: {fields: Record<string, unknown>}) => Promise<unknown>} updateRecord
 * @property {(pageReference: object) => void} navigate
 * @property {() => Promise<unknown>} showUtility
 */

/**
 * The bridge's host handlers for Salesforce.
 * @param {SalesforceApis} apis
 * @param {{searchObjects: string[], taskFieldNames: {taskSid: string|null, sentiment: string|null, topics: string|null}}} settings
 */
export function salesforceHandlers(apis, settings) {
    /** The Task this component saved or found for each Flex task, while the page lives. */
    const loggedTasks = new Map();

    /**
     * The Task logged for a Flex task: known from this page's saves, or looked up by its Flex
     * task SID (after a reload, the outbox may send notes for a Task saved before it).
     * @param {string} taskSid
     * @returns {Promise<string|null>}
     */
    const loggedTaskOf = (taskSid) => {
        const known = loggedTasks.get(taskSid);
        return known ? Promise.resolve(known) : apis.findLoggedTask({ flexTaskSid: taskSid });
    };

    return {
        /** @param {string} term */
        async search(term) {
            return bridgeRecords(
                await apis.searchRecords({ term, objectApiNames: settings.searchObjects })
            );
        },
        /** @param {{recordId: string, objectApiName: string|null}} record */
        openRecord(record) {
            if (!isSalesforceId(record.recordId)) {
                throw refuse(`${record.recordId} is not a Salesforce record ID`);
            }
            apis.navigate({
                type: 'standard__recordPage',
                attributes: {
                    recordId: record.recordId,
                    ...(record.objectApiName ? { objectApiName: record.objectApiName } : {}),
                    actionName: 'view'
                }
            });
        },
        /** @param {import('./types').Activity} activity */
        async saveActivity(activity) {
            // A retry after a lost acknowledgement finds the Task it wrote the first time.
            const logged = await apis.findLoggedTask({ flexTaskSid: activity.taskSid });
            if (logged) {
                loggedTasks.set(activity.taskSid, logged);
                return logged;
            }
            try {
                const created = await apis.createRecord({
                    apiName: 'Task',
                    fields: taskFields(activity, settings.taskFieldNames)
                });
                loggedTasks.set(activity.taskSid, created.id);
                return created.id;
            } catch (error) {
                const problem = lastingSaveProblem(error);
                if (problem) throw refuse(problem.message, problem.fields);
                throw error;
            }
        },
        /**
         * Late notes, onto the Task this component logged for that Flex task only (its Flex Task
         * SID must match), and only the note fields: whatever else reaches Flex's outbox cannot
         * make the agent's session write to another record.
         * @param {string} taskId
         * @param {{summary?: string|null, disposition?: string|null, sentiment?: string|null, topics?: string|null}} changes
         * @param {string|null} taskSid the Flex task the notes are for
         */
        async updateActivity(taskId, changes, taskSid) {
            if (!isSalesforceId(taskId) || !taskId.startsWith(TASK_PREFIX)) {
                throw refuse(`${taskId} is not a Task ID`);
            }
            if (typeof taskSid !== 'string' || !TASK_SID_PATTERN.test(taskSid)) {
                throw refuse(
                    'these notes do not say which Flex task they belong to: release the Flex plugin that matches this package'
                );
            }
            const fields = noteFields(changes, settings.taskFieldNames);
            if (Object.keys(fields).length === 0) return;
            const logged = await loggedTaskOf(taskSid);
            if (!logged || !sameRecordId(logged, taskId)) {
                throw refuse(`${taskId} is not the Task Flex logged for this interaction`);
            }
            try {
                await apis.updateRecord({ fields: { Id: taskId, ...fields } });
            } catch (error) {
                const problem = lastingSaveProblem(error);
                if (problem) throw refuse(problem.message, problem.fields);
                throw error;
            }
        },
        async showFlex() {
            await apis.showUtility();
        }
    };
}
