// The agent UI enhancements on a started integration: real Flex, fake Open CTI and toolkit.
import * as Flex from '@twilio/flex-ui';
import { makeTask, settle, shownNotifications } from '../../test/flexHarness';
import { startWith, stopStarted, type Started } from '../../test/startedHarness';
import type { IntegrationContext } from '../integration/context';
import { registerAgentUi } from './registerAgentUi';

afterEach(() => {
    stopStarted();
    jest.restoreAllMocks();
});

const itemCalls = (s: Started) =>
    s.openCti.calls
        .filter((c) => c.method === 'setSoftphoneItemIcon' || c.method === 'setSoftphoneItemLabel')
        .map((c) =>
            c.method === 'setSoftphoneItemIcon' ? `icon:${c.args.key}` : `label:${c.args.label}`
        );

/** Moves a task to a status, as TaskRouter and Flex's store would. */
async function move(s: Started, task: ReturnType<typeof makeTask>, status: string) {
    task.status = status;
    s.storeChanged();
    await settle();
}

test('utility bar: set at start-up whatever the other flags, then one call per visible change', async () => {
    const s = await startWith({ click_to_dial: false, screen_pop: false });
    expect(itemCalls(s)).toEqual(['icon:call', 'label:Available']);

    const task = s.addTask(makeTask({ status: 'pending' }));
    await settle();
    await move(s, task, 'accepted');
    await move(s, task, 'wrapping'); // same icon and label: nothing sent
    s.storeChanged();
    await move(s, task, 'completed');
    expect(itemCalls(s)).toEqual([
        'icon:call',
        'label:Available',
        'icon:alert',
        'label:Incoming call',
        'icon:call',
        'label:1 active task',
        'label:Available'
    ]);
    expect(s.openCti.item).toEqual({ icon: 'call', label: 'Available' });
});

test('utility bar: a failed label call is sent again at the next change', async () => {
    const s = await startWith();
    s.openCti.failNext('setSoftphoneItemLabel', 1);
    const task = s.addTask(makeTask({ status: 'pending' }));
    await settle();
    expect(s.openCti.item.label).toBe('Available');
    await move(s, task, 'accepted');
    expect(s.openCti.item).toEqual({ icon: 'call', label: '1 active task' });
});

test('utility_bar_status off: the item is left alone', async () => {
    const s = await startWith({ utility_bar_status: false });
    s.addTask(makeTask({ status: 'pending' }));
    await settle();
    expect(itemCalls(s)).toEqual([]);
});

test('pop-out: off through two overlapping calls, on again only when neither is left', async () => {
    const s = await startWith();
    const first = s.addTask(makeTask({ status: 'pending' }));
    await settle();
    await move(s, first, 'accepted');
    const second = s.addTask(makeTask({ status: 'pending' }));
    await settle();
    await move(s, second, 'accepted');
    await move(s, first, 'wrapping');
    expect(s.consoleToolkit.popoutable).toEqual([false]);
    await move(s, second, 'completed');
    expect(s.consoleToolkit.popoutable).toEqual([false, true]);
    const chat = s.addTask(makeTask({ status: 'accepted', taskChannelUniqueName: 'chat' }));
    await settle();
    expect(chat.status).toBe('accepted');
    expect(s.consoleToolkit.popoutable).toEqual([false, true]);
});

test('pop-out: a refused call is tried again at the next change', async () => {
    const s = await startWith();
    s.consoleToolkit.failNext = 1;
    const task = s.addTask(makeTask({ status: 'pending' }));
    await settle();
    expect(s.consoleToolkit.popoutable).toEqual([]);
    s.storeChanged();
    await settle();
    expect(s.consoleToolkit.popoutable).toEqual([false]);
    await move(s, task, 'completed');
    expect(s.consoleToolkit.popoutable).toEqual([false, true]);
});

test('pop-out protection off: the toolkit is never loaded or called', async () => {
    const s = await startWith({ prevent_popout_during_call: false });
    s.addTask(makeTask({ status: 'pending' }));
    await settle();
    expect(s.consoleToolkit.popoutable).toEqual([]);
    expect(document.querySelector('script[src*="/support/console/"]')).toBeNull();
});

const TOOLKIT_SCRIPT =
    'script[src="https://acme.lightning.force.com/support/console/67.0/integration.js"]';

test('the toolkit is loaded by the first call, not at start-up; failing, the agent is told once', async () => {
    const s = await startWith({}, { consoleToolkit: false });
    // Start-up costs Flex only Open CTI's script.
    expect(document.querySelectorAll(TOOLKIT_SCRIPT)).toHaveLength(0);
    const first = s.addTask(makeTask({ status: 'pending' }));
    await settle();
    const script = document.querySelector<HTMLScriptElement>(TOOLKIT_SCRIPT);
    expect(script).not.toBeNull();
    script?.dispatchEvent(new Event('error'));
    await settle();
    expect(shownNotifications().map((n) => n.id)).toEqual(['SfPopoutUnavailable']);
    expect(s.openCti.item.label).toBe('Incoming call');
    // Later calls neither load it again nor tell the agent again.
    await move(s, first, 'completed');
    s.addTask(makeTask({ status: 'pending' }));
    await settle();
    expect(document.querySelectorAll(TOOLKIT_SCRIPT)).toHaveLength(1);
    expect(shownNotifications().map((n) => n.id)).toEqual(['SfPopoutUnavailable']);
});

test('panel opens for an incoming task, only when it is not open already', async () => {
    const s = await startWith();
    s.events.emit('taskReceived', s.addTask(makeTask({ status: 'pending' })));
    await settle();
    expect(s.openCti.callsOf('setSoftphonePanelVisibility')).toHaveLength(1);
    s.events.emit('taskReceived', s.addTask(makeTask({ status: 'pending' })));
    await settle();
    expect(s.openCti.callsOf('setSoftphonePanelVisibility')).toHaveLength(1);
    expect(s.openCti.callsOf('isSoftphonePanelVisible')).toHaveLength(2);
});

test('show_panel_automatically off: an incoming task leaves the panel alone', async () => {
    const s = await startWith({ show_panel_automatically: false });
    s.events.emit('taskReceived', s.addTask(makeTask({ status: 'pending' })));
    await settle();
    expect(s.openCti.callsOf('isSoftphonePanelVisible')).toEqual([]);
});

test('hide_crm_container and hide_logo: panel 2 hidden and the logo removed; off: neither', async () => {
    const remove = jest.spyOn(Flex.MainHeader.Content, 'remove');
    const on = await startWith();
    expect(on.configUpdates).toEqual([
        { componentProps: { AgentDesktopView: { showPanel2: false } } }
    ]);
    expect(remove).toHaveBeenCalledWith('logo');
    stopStarted();
    remove.mockClear();
    const off = await startWith({ hide_crm_container: false, hide_logo: false });
    expect(off.configUpdates).toEqual([]);
    expect(remove).not.toHaveBeenCalled();
});

test('a CRM without a panel, a status place or pop-out: those enhancements are off, said once, nothing throws', async () => {
    const s = await startWith({
        utility_bar_status: false,
        prevent_popout_during_call: false,
        show_panel_automatically: false
    });
    const lines: string[] = [];
    const bare = {
        ...s.integration.context.crm,
        panel: undefined,
        status: undefined,
        popout: undefined
    };
    const stops: (() => void)[] = [];
    const context: IntegrationContext = {
        ...s.integration.context,
        config: {
            ...s.integration.context.config,
            utility_bar_status: true,
            prevent_popout_during_call: true,
            show_panel_automatically: true
        },
        crm: bare,
        log: {
            info: (m) => lines.push(m),
            warn: (m) => lines.push(m),
            error: (m) => lines.push(m)
        },
        onStop: (undo) => stops.push(undo)
    };
    const before = s.openCti.calls.length;
    registerAgentUi(context);
    const call = s.addTask(makeTask({ status: 'pending' }));
    s.events.emit('taskReceived', call);
    await settle();
    expect(lines).toEqual([
        'utility_bar_status is on, but Salesforce has no place to show it',
        'prevent_popout_during_call is on, but Salesforce cannot pop Flex out'
    ]);
    const uiMethods = new Set([
        'isSoftphonePanelVisible',
        'setSoftphonePanelVisibility',
        'setSoftphoneItemIcon',
        'setSoftphoneItemLabel'
    ]);
    expect(s.openCti.calls.slice(before).filter((c) => uiMethods.has(c.method))).toEqual([]);
    expect(s.consoleToolkit.popoutable).toEqual([]);
    stops.forEach((undo) => undo());
});
