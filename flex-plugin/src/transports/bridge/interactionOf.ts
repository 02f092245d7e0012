/*
 * A Flex task as the host app sees it: channel, direction, status, who the customer is, the task
 * attributes the admin exposes (flat values only, clipped) and the linked record. Pure.
 */
import type {
    AttributeValue,
    Interaction
} from '../../../../packages/flex-host-sdk/src/protocol.ts';
import type { RecordRef } from '../../crm/crmPort';
import { channelKind, customerAddress, textOf } from '../../tasks/interactionSummary';
import { channelOf, directionOf, statusOf, type TaskLike } from '../../tasks/taskView';

const MAX_TEXT = 255;

function flat(value: unknown): AttributeValue | undefined {
    if (value === null || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
    if (typeof value === 'string') return value.slice(0, MAX_TEXT);
    return undefined;
}

export function interactionOf(
    task: TaskLike,
    record: RecordRef | null,
    exposed: readonly string[]
): Interaction {
    const address = customerAddress(task);
    const attributes: Record<string, AttributeValue> = {};
    for (const key of exposed) {
        const value = flat(task.attributes[key]);
        if (value !== undefined) attributes[key] = value;
    }
    const kind = channelKind(task);
    return {
        taskSid: task.taskSid,
        channel: channelOf(task) ?? 'unknown',
        direction: directionOf(task),
        status: statusOf(task) ?? 'pending',
        customer: {
            number:
                kind === 'voice' || kind === 'sms' ? (address?.slice(0, MAX_TEXT) ?? null) : null,
            name: textOf(task.attributes['name'])?.slice(0, MAX_TEXT) ?? null,
            address: address?.slice(0, MAX_TEXT) ?? null
        },
        attributes,
        record
    };
}
