/* Test data shared by the softphone's tests (jest.config.cjs runs *.test.js only). */
export const TASK_SID = 'WT0123456789abcdef0123456789abcdef';
export const CONTACT_ID = '003000000000001AAA';

/** A finished inbound call linked to a Contact, as Flex sends it over the bridge. */
export const activity = (overrides = {}) => ({
    activityKey: TASK_SID,
    taskSid: TASK_SID,
    subject: 'Inbound call from +14155550123',
    channel: 'voice',
    direction: 'inbound',
    startedAt: '2026-12-04T09:58:30.000Z',
    endedAt: '2026-12-04T10:00:00.000Z',
    durationSeconds: 90,
    activityDate: '2026-12-04',
    customerNumber: '+14155550123',
    recordId: CONTACT_ID,
    recordType: 'Contact',
    disposition: null,
    summary: null,
    sentiment: null,
    topics: null,
    ...overrides
});
