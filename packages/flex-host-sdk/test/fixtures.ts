// Well-formed protocol values for the SDK's tests.
import type { Activity, Interaction } from '../src/protocol.ts';

export const TASK = 'WT0123456789abcdef0123456789abcdef';

export function anActivity(overrides: Partial<Activity> = {}): Activity {
    return {
        activityKey: TASK,
        taskSid: TASK,
        subject: 'Inbound call from +14155550100',
        channel: 'voice',
        direction: 'inbound',
        startedAt: '2026-12-04T09:58:30.000Z',
        endedAt: '2026-12-04T10:00:00.000Z',
        durationSeconds: 90,
        activityDate: '2026-12-04',
        customerNumber: '+14155550100',
        disposition: null,
        summary: null,
        sentiment: null,
        topics: null,
        recordId: 'CUS-1',
        recordType: 'Customer',
        ...overrides
    };
}

export function anInteraction(overrides: Partial<Interaction> = {}): Interaction {
    return {
        taskSid: TASK,
        channel: 'voice',
        direction: 'inbound',
        status: 'accepted',
        customer: { number: '+14155550100', name: null, address: '+14155550100' },
        attributes: {},
        record: null,
        ...overrides
    };
}
