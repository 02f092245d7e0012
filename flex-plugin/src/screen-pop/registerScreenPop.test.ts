import * as Flex from '@twilio/flex-ui';
import { makeTask, settle, shownNotifications } from '../../test/flexHarness';
import { startWith, stopStarted, type Started } from '../../test/startedHarness';

afterEach(stopStarted);

const ADA = { Id: '003000000000001AAA', Name: 'Ada Lovelace', RecordType: 'Contact' };
const ACME = { Id: '001000000000001AAA', Name: 'Acme', RecordType: 'Account' };
const LEAD = { Id: '00Q000000000001EAA', Name: 'Ada L.', RecordType: 'Lead' };

async function accept(s: Started, attributes: Record<string, unknown>, overrides = {}) {
    const task = s.addTask(makeTask({ status: 'pending', attributes, ...overrides }), {
        select: true
    });
    await Flex.Actions.invokeAction('AcceptTask', { task });
    await settle();
    return task;
}

test('sfdcObjectId pops that record and searches nothing', async () => {
    const s = await startWith();
    await accept(s, {
        direction: 'inbound',
        from: '+14155550100',
        sfdcObjectId: '003000000000001AAA'
    });
    expect(s.openCti.callsOf('screenPop')).toEqual([
        {
            type: 'sobject',
            params: { recordId: '003000000000001AAA' },
            callback: expect.any(Function)
        }
    ]);
    expect(s.openCti.callsOf('searchAndScreenPop')).toEqual([]);
});

test('one match: the task is linked to it and both sides see it', async () => {
    const s = await startWith();
    s.openCti.search = (text) => (text === '+14155550100' ? { [ADA.Id]: ADA } : {});
    const task = await accept(s, { direction: 'inbound', from: '+14155550100' });
    expect(s.openCti.callsOf('searchAndScreenPop')).toEqual([
        {
            searchParams: '+14155550100',
            callType: 'inbound',
            deferred: false,
            defaultFieldValues: { Phone: '+14155550100' },
            callback: expect.any(Function)
        }
    ]);
    expect(s.backend.setAttributes).toEqual([
        {
            sid: task.sid,
            attributes: {
                sfdcObjectId: ADA.Id,
                sfdcObjectType: 'Contact',
                sfdcObjectName: 'Ada Lovelace'
            },
            mergeExisting: true
        }
    ]);
    expect(task.attributes).toMatchObject({ from: '+14155550100', sfdcObjectId: ADA.Id });
    expect(s.lastInteraction()).toMatchObject({
        taskSid: task.taskSid,
        status: 'accepted',
        direction: 'inbound',
        candidates: [],
        selected: { recordId: ADA.Id, objectApiName: 'Contact', name: 'Ada Lovelace' }
    });
});

test('sfdcSearchString wins over name and from (out-of-box compatible); Phone prefill is the caller', async () => {
    const s = await startWith();
    await accept(s, {
        direction: 'inbound',
        from: '+14155550100',
        name: 'Ada',
        sfdcSearchString: '00001026'
    });
    expect(s.openCti.callsOf('searchAndScreenPop')[0]).toMatchObject({
        searchParams: '00001026',
        defaultFieldValues: { Phone: '+14155550100' }
    });
});

test('several matches: candidates are published, nothing is written', async () => {
    const s = await startWith();
    s.openCti.search = () => ({ [ADA.Id]: ADA, [ACME.Id]: ACME, [LEAD.Id]: LEAD });
    const task = await accept(s, { direction: 'inbound', from: '+14155550100' });
    expect(s.backend.setAttributes).toEqual([]);
    expect(s.lastInteraction()).toMatchObject({
        taskSid: task.taskSid,
        candidates: [
            { recordId: ADA.Id, objectApiName: 'Contact', name: 'Ada Lovelace' },
            { recordId: ACME.Id, objectApiName: 'Account', name: 'Acme' },
            { recordId: LEAD.Id, objectApiName: 'Lead', name: 'Ada L.' }
        ],
        selected: null
    });
});

test('no match: nothing is written', async () => {
    const s = await startWith();
    await accept(s, { direction: 'inbound', from: '+14155550100' });
    expect(s.openCti.callsOf('searchAndScreenPop')).toHaveLength(1);
    expect(s.backend.setAttributes).toEqual([]);
    expect(s.lastInteraction()?.candidates).toEqual([]);
});

test('outbound tasks are not popped', async () => {
    const s = await startWith();
    await accept(s, { direction: 'outbound', to: '+14155550100' });
    expect(s.openCti.callsOf('searchAndScreenPop')).toEqual([]);
    expect(s.openCti.callsOf('screenPop')).toEqual([]);
});

test('a failing search tells the agent and does not break accepting the task', async () => {
    const s = await startWith();
    s.openCti.failNext('searchAndScreenPop', 1, {
        code: 'SERVER_ERROR',
        description: 'Search is unavailable'
    });
    const task = await accept(s, { direction: 'inbound', from: '+14155550100' });
    expect(task.status).toBe('accepted');
    expect(shownNotifications()).toEqual([
        {
            id: 'CrmScreenPopFailed',
            context: { crm: 'Salesforce', reason: 'Search is unavailable' }
        }
    ]);
});

test('screen_pop off: accepting pops nothing', async () => {
    const s = await startWith({ screen_pop: false });
    await accept(s, { direction: 'inbound', from: '+14155550100', sfdcObjectId: ADA.Id });
    expect(s.openCti.callsOf('screenPop')).toEqual([]);
});

describe('context switching', () => {
    test('selecting another task re-pops its linked record, once per switch', async () => {
        const s = await startWith();
        const first = s.addTask(
            makeTask({
                attributes: {
                    direction: 'inbound',
                    sfdcObjectId: ADA.Id,
                    sfdcObjectType: 'Contact'
                }
            })
        );
        const second = s.addTask(
            makeTask({
                attributes: {
                    direction: 'inbound',
                    sfdcObjectId: ACME.Id,
                    sfdcObjectType: 'Account'
                }
            })
        );
        await Flex.Actions.invokeAction('SelectTask', { task: second });
        await Flex.Actions.invokeAction('SelectTask', { task: second });
        await Flex.Actions.invokeAction('SelectTask', { task: first });
        await settle();
        expect(
            s.openCti.callsOf('screenPop').map((c) => (c.params as { recordId: string }).recordId)
        ).toEqual([ACME.Id, ADA.Id]);
        expect(s.lastInteraction()?.taskSid).toBe(first.taskSid);
    });

    test('off: selecting pops nothing', async () => {
        const s = await startWith({ context_switching: false });
        const task = s.addTask(
            makeTask({ attributes: { direction: 'inbound', sfdcObjectId: ADA.Id } })
        );
        await Flex.Actions.invokeAction('SelectTask', { task: task });
        await settle();
        expect(s.openCti.callsOf('screenPop')).toEqual([]);
    });
});

test('per-task state is released when the task ends', async () => {
    const s = await startWith();
    s.openCti.search = () => ({ [ADA.Id]: ADA, [ACME.Id]: ACME });
    const tasks = [];
    for (let i = 0; i < 20; i++) {
        tasks.push(await accept(s, { direction: 'inbound', from: '+14155550100' }));
    }
    expect(s.integration.context.links.size).toBe(20);
    for (const task of tasks) {
        task.status = 'completed';
        s.events.emit('taskCompleted', task);
    }
    await settle();
    expect(s.integration.context.links.size).toBe(0);
});

type Child = { key: string; props: { choose: unknown } };
// Flex keeps every fragment ever added (remove() only records a request), so count what this test adds.
const choosers = (): Child[] =>
    (
        Flex.TaskCanvas.Content as unknown as { fragments: { props: { children: Child } }[] }
    ).fragments
        .map((fragment) => fragment.props.children)
        .filter((child) => child.key === 'salesforce-record-chooser');

test('the record chooser is added to the task canvas, wired to the integration', async () => {
    const before = choosers().length;
    const s = await startWith();
    expect(choosers()).toHaveLength(before + 1);
    expect(choosers()[before]?.props.choose).toBe(s.integration.selection.applySelection);
});

test('screen_pop off: no chooser', async () => {
    const before = choosers().length;
    await startWith({ screen_pop: false });
    expect(choosers()).toHaveLength(before);
});
