/*
 * Everything the agent reads, as Flex strings (manager.strings), so a contact center can translate
 * or reword them like any Flex text. Notifications are registered with Flex's Notifications API.
 * Plain {{name}} placeholders; values are inserted as text, never as HTML.
 */
import type * as Flex from '@twilio/flex-ui';

export const AGENT_STRINGS = {
    SfConfigInvalid:
        'Salesforce integration is off: the setting {{key}} {{problem}}. Ask your Flex administrator to correct it.',
    SfUnavailable:
        'Salesforce features are off: Flex could not connect to Salesforce ({{reason}}). Calls and chats still work.',
    SfOriginNotAllowed:
        'Salesforce features are off: this Salesforce org ({{origin}}) is not allowed to connect to Flex. Ask your Flex administrator to add it to {{setting}}. Calls and chats still work.',
    SfFeatureUnavailable: 'Salesforce {{feature}} is off: {{reason}}. Calls and chats still work.',
    SfDialInvalidNumber: 'Flex did not call "{{number}}": it is not a phone number.',
    SfDialOnCall: 'Finish your current call before calling {{number}}.',
    SfDialPending: 'A call is already being connected. Wait for it before calling {{number}}.',
    SfDialOffline: 'You are offline. Change your status before calling {{number}}.',
    SfDialFailed: 'Flex could not start the call to {{number}}. Try again.',
    SfScreenPopFailed:
        'Salesforce did not open the customer record ({{reason}}). Look the customer up in Salesforce.',
    SfLinkFailed: 'Flex could not link the record to this interaction. Try again.',
    SfSelectionInvalid: 'Flex refused the choice: the message from Salesforce was not valid.',
    SfSelectionBadId: 'Flex refused the choice: it is not a valid Salesforce record ID.',
    SfSelectionUnknownTask:
        'Flex refused the choice: that interaction is not open in Flex any more.',
    SfSelectionNoTask: 'Select an interaction in Flex first, then choose its record.',
    SfChooserTitle: 'Which Salesforce record is this?',
    SfChooserHint:
        'Salesforce found several records. Choose here or in the Salesforce record picker.',
    SfChooserNone: 'None of these',
    SfChooserLinked: 'Linked to {{name}}',
    SfChooserNoneChosen: 'No record linked',
    SfChooserSaving: 'Saving…',
    SfLogChooseRecord:
        'Choose the Salesforce record for this interaction, or "None of these", before completing it.',
    SfLogNotKept:
        'Flex cannot keep activity logs in this browser. They are still sent to Salesforce, but a log that is waiting when Flex reloads is lost. Ask your administrator about this browser’s cookie settings.',
    SfLogOutboxFull:
        '{{count}} activity logs are waiting for Salesforce. New logs are still sent, but are not kept if Flex reloads.',
    SfLogsDiscarded:
        'Flex found {{count}} activity logs in this browser that it could not read, and removed them. If a log of yours is missing in Salesforce, add it there.',
    SfLogRefused:
        'Salesforce refused the activity log "{{subject}}": {{reason}}. It is kept in your task list until it is saved.',
    SfLogsWaiting: 'Activity logs waiting for Salesforce: {{count}}',
    SfLogsRetry: 'Retry now',
    SfLogWaiting: 'Waiting to be saved (attempt {{attempts}} failed)',
    SfLogSending: 'Saving…',
    SfLogFailed: 'Refused by Salesforce: {{reason}}',
    SfLogRetry: 'Try again',
    SfLogSaveWithout: 'Save without {{fields}}',
    SfLogNotKeptItem: 'Not kept if Flex reloads',
    SfStatusIncomingCall: 'Incoming call',
    SfStatusIncomingChat: 'Incoming chat',
    SfStatusIncomingTask: 'Incoming task',
    SfStatusOneTask: '1 active task',
    SfStatusTasks: '{{count}} active tasks',
    SfStatusPhone: 'Flex phone',
    SfPopoutUnavailable:
        'Salesforce could not stop the softphone being popped out ({{reason}}). Do not pop it out during a call: the call would drop.'
} as const;

export type AgentStringKey = keyof typeof AGENT_STRINGS;

/** Adds the defaults without overwriting what a deployment already set (translations). */
export function registerAgentStrings(strings: Record<string, string>): void {
    for (const [key, text] of Object.entries(AGENT_STRINGS)) {
        if (typeof strings[key] !== 'string') {
            strings[key] = text;
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
    SfConfigInvalid: 'error',
    SfUnavailable: 'warning',
    SfOriginNotAllowed: 'error',
    SfFeatureUnavailable: 'warning',
    SfDialInvalidNumber: 'warning',
    SfDialOnCall: 'warning',
    SfDialPending: 'warning',
    SfDialOffline: 'warning',
    SfDialFailed: 'error',
    SfScreenPopFailed: 'warning',
    SfLinkFailed: 'error',
    SfLogChooseRecord: 'warning',
    SfLogNotKept: 'warning',
    SfLogOutboxFull: 'warning',
    SfLogsDiscarded: 'warning',
    SfLogRefused: 'error',
    SfPopoutUnavailable: 'warning'
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
