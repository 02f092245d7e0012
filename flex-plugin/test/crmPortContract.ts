/*
 * One suite of behaviour tests for the CRM port, run against every adapter through its fake (as
 * penpal runs one suite over each of its messengers). An adapter's test file calls
 * `describeCrmPortContract` with a factory that builds the adapter over its fake CRM and the
 * drivers that play the CRM's side. What the suite checks is what the capabilities rely on.
 */
import type {
    ActivityInput,
    CrmPort,
    InteractionState,
    PresenceRequest,
    RecordChoice,
    RecordRef
} from '../src/crm/crmPort';
import { makeTask } from './flexHarness';

/** The adapter under test, and the CRM's side of it. */
export interface PortUnderTest {
    port: CrmPort;
    /** The agent clicks a phone number on a record in the CRM. */
    clickNumber(number: string, record: RecordRef | null): void;
    /** What the CRM finds for a search. */
    answerSearch(query: string, records: RecordRef[]): void;
    /** Records the CRM was asked to open, in order. */
    openedRecords(): string[];
    /** The CRM's UI chooses a record for a task (null: clears it), or asks for the state. */
    choose(choice: { record: RecordRef | null; taskSid: string | null } | 'sync'): void;
    /** The CRM's UI sends something that is not a choice. */
    sendMalformedChoice(): void;
    /** Interaction states the CRM received, in order. */
    published(): InteractionState[];
    /** Activities as the CRM holds them, by id. */
    activity(id: string): Record<string, unknown> | undefined;
    /** The next save fails: for a moment (retry may succeed), or for good naming a field. */
    failNextSave(how: { kind: 'transient' } | { kind: 'refused'; field: string }): void;
    /** Two records of the types this CRM uses most (a person, and something else). */
    records: { person: RecordRef; other: RecordRef };
    /** Presence sync: the CRM asks Flex to set an activity. */
    askActivity(activity: string, basedOn: string | null): void;
    /** Presence sync: the CRM sends a request that breaks the contract. */
    sendMalformedPresence(): void;
    /** Presence sync: what the CRM heard of the Flex activity, as [activity, cause]. */
    heardActivities(): [string, string][];
    /** Lets the adapter's asynchronous answers arrive. */
    settle(): Promise<void>;
}

const TASK_SID = 'WT0123456789abcdef0123456789abcdef';

function finishedCall(record: RecordRef | null): ActivityInput {
    return {
        task: makeTask({
            taskSid: TASK_SID,
            status: 'completed',
            attributes: { direction: 'inbound', from: '+14155550100', call_sid: 'CA1' }
        }),
        record,
        endedAt: new Date('2026-12-02T10:00:00Z'),
        durationSeconds: 90,
        timeZone: 'UTC',
        notes: null
    };
}

export function describeCrmPortContract(
    adapter: string,
    setup: () => Promise<PortUnderTest> | PortUnderTest
): void {
    describe(`CRM port contract: ${adapter}`, () => {
        let crm: PortUnderTest;
        beforeEach(async () => {
            crm = await setup();
        });

        test('a click on a number reaches the listener with the record it was clicked on', async () => {
            const requests: unknown[] = [];
            await crm.port.onDialRequest(async (request) => {
                requests.push(request);
                return { kind: 'placed', destination: '+14155550100' };
            });
            crm.clickNumber('(415) 555-0100', crm.records.person);
            crm.clickNumber('+44 20 7946 0958', null);
            await crm.settle();
            expect(requests).toEqual([
                { number: '(415) 555-0100', record: crm.records.person },
                { number: '+44 20 7946 0958', record: null }
            ]);
        });

        test('a search answers the records the CRM found, as neutral references', async () => {
            const { person, other } = crm.records;
            crm.answerSearch('+14155550100', [person, other]);
            await expect(
                crm.port.searchRecords({ query: '+14155550100', phone: '+14155550100' })
            ).resolves.toEqual([person, other]);
            crm.answerSearch('nobody', []);
            await expect(crm.port.searchRecords({ query: 'nobody', phone: null })).resolves.toEqual(
                []
            );
        });

        test('opening a record asks the CRM to show it', async () => {
            await crm.port.openRecord(crm.records.other.recordId);
            expect(crm.openedRecords()).toEqual([crm.records.other.recordId]);
        });

        test('a record link written on a task reads back as the same record', () => {
            const { person } = crm.records;
            const attributes = crm.port.linkAttributes(person);
            expect(crm.port.linkedRecord(attributes)).toEqual(person);
            expect(crm.port.linkedRecord(crm.port.linkAttributes(null))).toBeNull();
            expect(crm.port.linkedRecord({})).toBeNull();
            expect(crm.port.sameRecord(person.recordId, person.recordId)).toBe(true);
            expect(crm.port.sameRecord(person.recordId, crm.records.other.recordId)).toBe(false);
        });

        test('a saved activity gets the CRM id, and late notes update it', async () => {
            const { activities } = crm.port;
            const value = activities.build(finishedCall(crm.records.person));
            expect(activities.storedValueProblem(value, 'create', TASK_SID)).toBeNull();
            const id = await activities.create(value);
            expect(activities.isActivityId(id)).toBe(true);
            expect(crm.activity(id)).toBeDefined();

            const notes = activities.notesValue({
                summary: 'Asked about the renewal',
                sentiment: 'positive',
                dispositionCode: null,
                topicPath: null
            });
            expect(activities.storedValueProblem(notes, 'update', TASK_SID)).toBeNull();
            await activities.update(id, notes, TASK_SID);
            expect(Object.values(crm.activity(id) ?? {})).toContain('Asked about the renewal');
        });

        test('late notes for a record that is not a saved activity are refused for good, and change nothing', async () => {
            const { activities } = crm.port;
            const notes = activities.notesValue({
                summary: 'Overwritten',
                sentiment: null,
                dispositionCode: null,
                topicPath: null
            });
            const other = crm.records.other.recordId;
            await expect(activities.update(other, notes, TASK_SID)).rejects.toMatchObject({
                permanent: true
            });
            expect(crm.activity(other)).toBeUndefined();
        });

        test('a save failing for a moment is worth retrying, and then succeeds', async () => {
            const value = crm.port.activities.build(finishedCall(null));
            crm.failNextSave({ kind: 'transient' });
            await expect(crm.port.activities.create(value)).rejects.toMatchObject({
                permanent: false,
                code: expect.any(String),
                description: expect.any(String)
            });
            await expect(crm.port.activities.create(value)).resolves.toEqual(expect.any(String));
        });

        test('a refused save names the field, and is not retried on its own', async () => {
            const value = crm.port.activities.build(finishedCall(crm.records.person));
            const field = Object.keys(value).find(
                (name) => !crm.port.activities.requiredFields.includes(name)
            ) as string;
            crm.failNextSave({ kind: 'refused', field });
            await expect(crm.port.activities.create(value)).rejects.toMatchObject({
                permanent: true,
                details: [expect.objectContaining({ fieldName: field })]
            });
        });

        test('what was not built by the adapter is refused when read back', () => {
            const { activities } = crm.port;
            expect(activities.storedValueProblem({ any: 'thing' }, 'create', TASK_SID)).toEqual(
                expect.any(String)
            );
            expect(activities.storedValueProblem('text', 'update', TASK_SID)).toEqual(
                expect.any(String)
            );
            expect(activities.isActivityId('not an id')).toBe(false);
        });

        test('the interaction is published to the CRM, and its choices come back checked', async () => {
            const choices: RecordChoice[] = [];
            const unsubscribe = await crm.port.onRecordChoice((choice) => choices.push(choice));
            const state: InteractionState = {
                taskSid: TASK_SID,
                status: 'accepted',
                direction: 'inbound',
                channel: 'voice',
                customer: '+14155550100',
                candidates: [crm.records.person, crm.records.other],
                selected: null,
                error: null
            };
            await crm.port.publishInteraction(state);
            expect(crm.published().slice(-1)[0]).toEqual(state);

            crm.choose({ record: crm.records.person, taskSid: TASK_SID });
            crm.choose({ record: null, taskSid: TASK_SID });
            crm.choose('sync');
            crm.sendMalformedChoice();
            await crm.settle();
            expect(choices).toEqual([
                { kind: 'select', record: crm.records.person, taskSid: TASK_SID },
                { kind: 'clear', taskSid: TASK_SID },
                { kind: 'sync' },
                {
                    kind: 'invalid',
                    code: expect.stringMatching(/^INVALID_/),
                    problem: expect.any(String),
                    taskSid: null
                }
            ]);

            unsubscribe();
            await crm.settle();
            crm.choose('sync');
            await crm.settle();
            expect(choices).toHaveLength(4);
        });

        test('a state that breaks the contract is not published', async () => {
            const before = crm.published().length;
            await expect(
                crm.port.publishInteraction({
                    taskSid: 'not a task',
                    status: null,
                    direction: null,
                    channel: null,
                    customer: null,
                    candidates: [],
                    selected: null,
                    error: null
                })
            ).rejects.toThrow();
            expect(crm.published()).toHaveLength(before);
        });

        test('each optional capability is either absent or works', async () => {
            const { panel, status, popout } = crm.port;
            if (panel) {
                await panel.show();
                await expect(panel.isVisible()).resolves.toBe(true);
            }
            if (status) {
                await expect(status.show('ringing', 'Incoming call')).resolves.toBeUndefined();
            }
            if (popout) {
                await expect(popout.allow(false)).resolves.toBeUndefined();
                await expect(popout.allow(true)).resolves.toBeUndefined();
            }
            expect(typeof crm.port.name).toBe('string');
        });

        test('presence: requests reach the listener until it unsubscribes, and what Flex says reaches the CRM', async () => {
            const presence = crm.port.presence;
            if (!presence) throw new Error('this CRM offers no presence');
            const requests: PresenceRequest[] = [];
            const unsubscribe = await presence.onRequest((request) => requests.push(request));
            crm.askActivity('Break', 'Available');
            crm.askActivity('Available', null);
            await crm.settle();
            await presence.activityIs('Break', 'sync');
            await presence.activityIs('Lunch', 'agent');
            await crm.settle();
            unsubscribe();
            crm.askActivity('Offline', null);
            await crm.settle();
            expect(requests).toEqual([
                { kind: 'set', activity: 'Break', basedOn: 'Available' },
                { kind: 'set', activity: 'Available', basedOn: null }
            ]);
            expect(crm.heardActivities()).toEqual([
                ['Break', 'sync'],
                ['Lunch', 'agent']
            ]);
        });

        test('presence: a request that breaks the contract never arrives as one to follow', async () => {
            const requests: PresenceRequest[] = [];
            await crm.port.presence?.onRequest((request) => requests.push(request));
            crm.sendMalformedPresence();
            await crm.settle();
            expect(requests.filter((request) => request.kind === 'set')).toEqual([]);
        });
    });
}
