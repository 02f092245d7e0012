// Sandbox controls under the Flex agent desktop: simulate a caller, the phone and TaskRouter.
import { el, replaceChildren } from '../shared/dom.ts';
import { FINISHED_STATUSES } from './standins/taskRouter.ts';
import type { SandboxChannel, Switchboard, TaskSummary } from './switchboard.ts';

export function mountControls(container: HTMLElement | null, switchboard: Switchboard): void {
    if (!container) {
        return;
    }
    const from = el('input', {
        attrs: { value: '+14155550123', 'aria-label': 'Caller number' },
        dataset: { id: 'from' }
    });
    const objectId = el('input', {
        attrs: { placeholder: 'sfdcObjectId', 'aria-label': 'sfdcObjectId' },
        dataset: { id: 'sfdc-object-id' }
    });
    const searchString = el('input', {
        attrs: { placeholder: 'sfdcSearchString', 'aria-label': 'sfdcSearchString' },
        dataset: { id: 'sfdc-search-string' }
    });
    const channel = el(
        'select',
        { attrs: { 'aria-label': 'Channel' }, dataset: { id: 'channel' } },
        [
            el('option', { text: 'Voice', attrs: { value: 'voice' } }),
            el('option', { text: 'Chat', attrs: { value: 'chat' } }),
            el('option', { text: 'SMS', attrs: { value: 'sms' } })
        ]
    );
    const status = el('p', { className: 'sandbox-status', attrs: { role: 'status' } });
    const taskList = el('ul', { className: 'sandbox-tasks', dataset: { id: 'tasks' } });

    const run = (label: string, action: () => Promise<unknown> | unknown) => async () => {
        try {
            await action();
            status.textContent = `${label}: done`;
        } catch (error) {
            status.textContent = `${label}: ${error instanceof Error ? error.message : String(error)}`;
        }
    };

    const ring = el('button', {
        text: 'Simulate inbound',
        dataset: { id: 'ring' },
        on: {
            click: run('Inbound', () => {
                const attributes: Record<string, string> = {};
                if (objectId.value.trim()) {
                    attributes.sfdcObjectId = objectId.value.trim();
                }
                if (searchString.value.trim()) {
                    attributes.sfdcSearchString = searchString.value.trim();
                }
                return switchboard.offerInbound({
                    from: from.value.trim(),
                    channel: channel.value as SandboxChannel,
                    attributes
                });
            })
        }
    });
    const second = el('button', {
        text: 'Hold a second task',
        attrs: { title: 'A chat arrives during the current task and the agent accepts it too' },
        dataset: { id: 'second-task' },
        on: {
            click: run('Second task', () =>
                switchboard.holdSecondTask({
                    channel: channel.value === 'voice' ? 'chat' : (channel.value as SandboxChannel)
                })
            )
        }
    });
    const activity = el(
        'select',
        { attrs: { 'aria-label': 'Worker activity' }, dataset: { id: 'activity' } },
        [
            el('option', { text: 'Available', attrs: { value: 'Available' } }),
            el('option', { text: 'Unavailable', attrs: { value: 'Unavailable' } }),
            el('option', { text: 'Offline', attrs: { value: 'Offline' } })
        ]
    );
    activity.addEventListener(
        'change',
        run('Activity', () => switchboard.setActivity(activity.value))
    );

    const taskRow = (task: TaskSummary) => {
        const button = (text: string, id: string, action: () => Promise<void>, when: string[]) =>
            when.includes(task.status)
                ? el('button', {
                      text,
                      dataset: { id, sid: task.reservationSid },
                      on: { click: run(text, action) }
                  })
                : null;
        const notes = () =>
            switchboard.submitNotes(
                {
                    summary: `Customer asked about their order (${task.attributes.from ?? 'unknown caller'}).`,
                    sentiment: 'positive',
                    dispositionCode: 'order_status',
                    topicPath: 'Orders > Status'
                },
                task.reservationSid
            );
        return el('li', { dataset: { sid: task.reservationSid, status: task.status } }, [
            el('span', {
                text: `${task.channel} · ${String(task.attributes.from ?? '')} · ${task.status}`
            }),
            button('Accept', 'accept', () => switchboard.accept(task.reservationSid), ['pending']),
            button(
                'Cancel (caller hangs up)',
                'cancel',
                () => switchboard.cancel(task.reservationSid),
                ['pending']
            ),
            button('Hang up', 'hang-up', () => switchboard.hangUp(task.reservationSid), [
                'accepted'
            ]),
            button('Wrap up', 'wrap-up', () => switchboard.wrapUp(task.reservationSid), [
                'accepted'
            ]),
            button('Complete', 'complete', () => switchboard.complete(task.reservationSid), [
                'accepted',
                'wrapping'
            ]),
            button('Submit copilot notes', 'notes', async () => notes(), [
                'accepted',
                'wrapping',
                'completed'
            ])
        ]);
    };
    const render = () => {
        const open = switchboard.tasks().filter((task) => !FINISHED_STATUSES.includes(task.status));
        second.disabled = !open.some((task) => task.status === 'accepted');
        replaceChildren(taskList, open.map(taskRow));
    };
    switchboard.subscribe(render);

    replaceChildren(container, [
        el('div', { className: 'sandbox-row' }, [
            channel,
            from,
            objectId,
            searchString,
            ring,
            second
        ]),
        el('div', { className: 'sandbox-row' }, [
            el('label', { text: 'Activity ' }, [activity]),
            status
        ]),
        taskList
    ]);
    render();
}
