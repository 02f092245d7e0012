/*
 * Everything the agent reads, as Flex strings (manager.strings), so a contact center can translate
 * or reword them like any Flex text. Notifications are registered with Flex's Notifications API.
 * Plain {{name}} placeholders; values are inserted as text, never as HTML.
 */
import type * as Flex from '@twilio/flex-ui';

export const AGENT_STRINGS = {
    CrmConfigInvalid:
        'The CRM integration is off: the setting {{key}} {{problem}}. Ask your Flex administrator to correct it.',
    SfUnavailable:
        'Salesforce features are off: Flex could not connect to Salesforce ({{reason}}). Calls and chats still work.',
    SfOriginNotAllowed:
        'Salesforce features are off: this Salesforce org ({{origin}}) is not allowed to connect to Flex. Ask your Flex administrator to add it to {{setting}}. Calls and chats still work.',
    HostOriginNotAllowed:
        'Flex is inside a page ({{origin}}) that is not allowed to connect to it, so nothing is shared with that page. Ask your Flex administrator to add it to {{setting}}. Calls and chats still work.',
    HostNoAnswer:
        'Flex is waiting for {{host}} to connect. Its features start as soon as it does; if they do not, reload the page and tell your administrator. Calls and chats still work.',
    HostVersionMismatch:
        'Flex cannot connect to {{host}} yet: the page uses another version of the Flex connection. Tell your administrator. Calls and chats still work.',
    CrmFeatureUnavailable: '{{crm}} {{feature}} is off: {{reason}}. Calls and chats still work.',
    CrmDialInvalidNumber: 'Flex did not call "{{number}}": it is not a phone number.',
    CrmDialOnCall: 'Finish your current call before calling {{number}}.',
    CrmDialPending: 'A call is already being connected. Wait for it before calling {{number}}.',
    CrmDialOffline: 'You are offline. Change your status before calling {{number}}.',
    CrmDialFailed: 'Flex could not start the call to {{number}}. Try again.',
    CrmScreenPopFailed:
        'Flex could not find or open the customer record in {{crm}} ({{reason}}). Look the customer up in {{crm}}.',
    CrmLinkFailed: 'Flex could not link the record to this interaction. Try again.',
    CrmSelectionInvalid: 'Flex refused the choice: the message from {{crm}} was not valid.',
    CrmSelectionBadId: 'Flex refused the choice: it is not a valid record ID in {{crm}}.',
    CrmSelectionUnknownTask:
        'Flex refused the choice: that interaction is not open in Flex any more.',
    CrmSelectionNoTask: 'Select an interaction in Flex first, then choose its record.',
    CrmChooserTitle: 'Which record in {{crm}} is this?',
    CrmChooserHint: 'Several records in {{crm}} match. Choose here or in {{crm}}.',
    CrmChooserNone: 'None of these',
    CrmChooserLinked: 'Linked to {{name}}',
    CrmChooserNoneChosen: 'No record linked',
    CrmChooserSaving: 'Saving…',
    CrmLogChooseRecord:
        'Choose the record in {{crm}} for this interaction, or "None of these", before completing it.',
    CrmLogNotKept:
        'Flex cannot keep activity logs in this browser. They are still sent to {{crm}}, but a log that is waiting when Flex reloads is lost. Ask your administrator about this browser’s cookie settings.',
    CrmLogOutboxFull:
        '{{count}} activity logs are waiting for {{crm}}. New logs are still sent, but are not kept if Flex reloads.',
    CrmLogsDiscarded:
        'Flex found {{count}} activity logs in this browser that it could not read, and removed them. If a log of yours is missing in {{crm}}, add it there.',
    CrmLogRefused:
        'The activity log "{{subject}}" was refused by {{crm}}: {{reason}}. It is kept in your task list until it is saved.',
    CrmLogsWaiting: 'Activity logs waiting for {{crm}}: {{count}}',
    CrmLogsRetry: 'Retry now',
    CrmLogWaiting: 'Waiting to be saved (attempt {{attempts}} failed)',
    CrmLogSending: 'Saving…',
    CrmLogFailed: 'Refused by {{crm}}: {{reason}}',
    CrmLogRetry: 'Try again',
    CrmLogSaveWithout: 'Save without {{fields}}',
    CrmLogNotKeptItem: 'Not kept if Flex reloads',
    SfStatusIncomingCall: 'Incoming call',
    SfStatusIncomingChat: 'Incoming chat',
    SfStatusIncomingTask: 'Incoming task',
    SfStatusOneTask: '1 active task',
    SfStatusTasks: '{{count}} active tasks',
    SfStatusPhone: 'Flex phone',
    SfPopoutUnavailable:
        'Salesforce could not stop the softphone being popped out ({{reason}}). Do not pop it out during a call: the call would drop.',
    PresenceUnknownActivity:
        '{{crm}} asked Flex to set your status to "{{activity}}", which Flex does not have. Your Flex status stays as it is; ask your administrator to correct the presence mapping.',
    PresenceSetActivityFailed:
        'Flex could not change your status to "{{activity}}" to match {{crm}} ({{reason}}). Set it in Flex yourself if you need it.'
} as const;

export type AgentStringKey = keyof typeof AGENT_STRINGS;

/**
 * The key a string shared by every CRM had before it was renamed from Sf… to Crm… (plugin 0.1):
 * a deployment's translation under the former key still applies.
 */
export function formerKey(key: string): string | null {
    return key.startsWith('Crm') ? `Sf${key.slice('Crm'.length)}` : null;
}

/** Adds the defaults without overwriting what a deployment already set (translations). */
export function registerAgentStrings(strings: Record<string, string>): void {
    for (const [key, text] of Object.entries(AGENT_STRINGS)) {
        if (typeof strings[key] !== 'string') {
            const former = formerKey(key);
            const translated = former === null ? undefined : strings[former];
            strings[key] = typeof translated === 'string' ? translated : text;
        }
    }
}

/**
 * Names the CRM in every text that mentions it ({{crm}}), in the defaults and in translations,
 * once the transport is known: "Salesforce", or the host app's configured name.
 */
export function nameCrmInStrings(strings: Record<string, string>, crmName: string): void {
    for (const key of Object.keys(AGENT_STRINGS)) {
        const text = strings[key];
        if (typeof text === 'string') {
            strings[key] = text.replace(/\{\{\s*crm\s*\}\}/g, () => crmName);
        }
    }
}

/** Fills {{name}} placeholders with plain text. */
export function formatAgentString(
    strings: Record<string, string>,
    key: AgentStringKey,
    context: Record<string, string> = {}
): string {
    const template = typeof strings[key] === 'string' ? strings[key] : AGENT_STRINGS[key];
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => context[name] ?? '');
}

export type NotificationLevel = 'error' | 'warning' | 'info';

export const NOTIFICATION_LEVELS: Partial<Record<AgentStringKey, NotificationLevel>> = {
    CrmConfigInvalid: 'error',
    SfUnavailable: 'warning',
    SfOriginNotAllowed: 'error',
    CrmFeatureUnavailable: 'warning',
    HostOriginNotAllowed: 'error',
    HostNoAnswer: 'warning',
    HostVersionMismatch: 'warning',
    CrmDialInvalidNumber: 'warning',
    CrmDialOnCall: 'warning',
    CrmDialPending: 'warning',
    CrmDialOffline: 'warning',
    CrmDialFailed: 'error',
    CrmScreenPopFailed: 'warning',
    CrmLinkFailed: 'error',
    CrmLogChooseRecord: 'warning',
    CrmLogNotKept: 'warning',
    CrmLogOutboxFull: 'warning',
    CrmLogsDiscarded: 'warning',
    CrmLogRefused: 'error',
    SfPopoutUnavailable: 'warning',
    PresenceUnknownActivity: 'warning',
    PresenceSetActivityFailed: 'warning'
};

export type Notify = (key: AgentStringKey, context?: Record<string, string>) => void;

/**
 * A notifier over Flex's Notifications: each message is registered once under its string key
 * (content = the template key, so Flex renders the possibly translated text) and shown with context.
 */
export function flexNotifier(
    flex: Pick<typeof Flex, 'Notifications' | 'NotificationType'>
): Notify {
    const types = {
        error: flex.NotificationType.error,
        warning: flex.NotificationType.warning,
        info: flex.NotificationType.information
    };
    for (const [key, level] of Object.entries(NOTIFICATION_LEVELS)) {
        if (!flex.Notifications.registeredNotifications.has(key)) {
            flex.Notifications.registerNotification({
                id: key,
                content: key,
                type: types[level],
                timeout: 8000
            });
        }
    }
    return (key, context = {}) => {
        flex.Notifications.showNotification(key, context);
    };
}
