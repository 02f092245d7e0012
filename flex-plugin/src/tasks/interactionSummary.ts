/*
 * How a finished interaction is summed up in any CRM's activity: its channel kind, the customer's
 * address, an English subject (the same in every locale, so reports can group on it) and the
 * agent's calendar day. Pure.
 */
import { directionOf, isVoice, type TaskLike } from './taskView';

export type ChannelKind = 'voice' | 'chat' | 'sms' | 'other';

export function channelKind(task: TaskLike): ChannelKind {
    if (isVoice(task)) {
        return 'voice';
    }
    const channel = task.taskChannelUniqueName ?? task.channelType ?? '';
    const channelType = String(task.attributes['channelType'] ?? '');
    if (channel === 'sms' || channelType === 'sms' || channelType === 'whatsapp') {
        return 'sms';
    }
    return channel === 'chat' || channelType === 'web' ? 'chat' : 'other';
}

/** A non-blank string, trimmed; null for anything else. */
export const textOf = (value: unknown): string | null =>
    typeof value === 'string' && value.trim() ? value.trim() : null;

/** The customer's address as the task holds it: a number for calls and SMS, a name for chat. */
export function customerAddress(task: TaskLike): string | null {
    const a = task.attributes;
    return directionOf(task) === 'outbound'
        ? (textOf(a['outbound_to']) ?? textOf(a['to']))
        : (textOf(a['from']) ?? textOf(a['customerAddress']) ?? textOf(a['name']));
}

export function subjectOf(task: TaskLike, kind: ChannelKind): string {
    const outbound = directionOf(task) === 'outbound';
    const who = customerAddress(task);
    switch (kind) {
        case 'voice':
            return outbound
                ? `Outbound call${who ? ` to ${who}` : ''}`
                : `Inbound call${who ? ` from ${who}` : ''}`;
        case 'chat':
            return `Chat${who ? ` with ${who}` : ''}`;
        case 'sms':
            return `SMS${who ? ` with ${who}` : ''}`;
        default: {
            const channel = task.taskChannelUniqueName ?? task.channelType ?? 'Flex';
            return `${channel} task${who ? ` with ${who}` : ''}`;
        }
    }
}

/** YYYY-MM-DD of `date` in `timeZone`; an unknown zone falls back to UTC rather than failing. */
export function calendarDay(date: Date, timeZone: string): string {
    const format = (zone: string) =>
        new Intl.DateTimeFormat('en-CA', {
            timeZone: zone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit'
        }).formatToParts(date);
    let parts: Intl.DateTimeFormatPart[];
    try {
        parts = format(timeZone);
    } catch {
        parts = format('UTC');
    }
    const part = (type: string) => parts.find((each) => each.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
}
