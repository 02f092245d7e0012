// The perf probe's in-page side: the hooks it installs in Flex's frame and in the page that frames
// it (the console or the demo CRM): echo, timing, round trips, and the readers of what they
// record. Page code only runs inside evaluate().
import type { Frame, Page } from 'playwright-core';
import type { SandboxConsoleApi } from '../console/main.ts';
import type { JournalEntry } from '../console/journal.ts';
import { eventually, journalOf, tasksOf } from '../e2e/harness.ts';
import { FINISHED_STATUSES } from '../softphone/standins/taskRouter.ts';
import type { Switchboard } from '../softphone/switchboard.ts';

// Page-side shapes, for evaluate() callbacks.
export interface BenchSoftphone {
    /** performance.timeOrigin + performance.now(): comparable across frames after offset correction. */
    now(): number;
    dialAt: number[];
    /** Every Flex action invoked in the softphone (the plugin's included), when it was invoked. */
    invoked: { at: number; name: string }[];
    acceptedAt: Record<string, number>;
    /** When the plugin called each `sforce.opencti` method (the message is posted within); Salesforce only. */
    calls: { at: number; method: string }[];
    /** When each Open CTI message from the console was dispatched in the softphone. */
    arrivals: { at: number; name: string }[];
    writes: { at: number; recordId: unknown }[];
}
export type PhoneWindow = {
    sandboxPhone: Switchboard;
    __bench: BenchSoftphone;
    Twilio: {
        Flex: {
            Actions: {
                addListener(name: string, listener: (payload?: unknown) => void): void;
                invokeAction(name: string, payload?: unknown): Promise<unknown>;
            };
            Manager: {
                getInstance(): {
                    workerClient: {
                        reservations: Map<
                            string,
                            {
                                on(event: string, listener: () => void): void;
                                task: {
                                    setAttributes(attributes: Record<string, unknown>): unknown;
                                };
                            }
                        >;
                    };
                };
            };
        };
    };
};
export type ConsoleWindow = Window & {
    sandboxConsole: SandboxConsoleApi;
    __benchRoundTrips(runs: number): Promise<{ rtt: number; offset: number }[]>;
};

/** Echo and timing hooks in Flex's frame; only messages from its parent (at `parentOrigin`) are answered. */
export async function installSoftphoneHooks(softphone: Frame, parentOrigin: string): Promise<void> {
    await softphone.evaluate((origin) => {
        const win = window as unknown as PhoneWindow;
        const now = () => performance.timeOrigin + performance.now();
        win.__bench = {
            now,
            dialAt: [],
            invoked: [],
            acceptedAt: {},
            calls: [],
            arrivals: [],
            writes: []
        };
        // event.timeStamp is when the message was dispatched to this page, before any handler
        // (the Open CTI client's included) ran.
        window.addEventListener('message', (event) => {
            const data = event.data as {
                apiType?: string;
                methodName?: string;
                eventName?: string;
            } | null;
            if (event.origin === origin && data?.apiType === 'opencti') {
                win.__bench.arrivals.push({
                    at: performance.timeOrigin + event.timeStamp,
                    name: String(data.eventName ?? data.methodName)
                });
            }
        });
        window.addEventListener('message', (event) => {
            const data = event.data as { benchPing?: number } | null;
            if (event.origin !== origin || event.source !== window.parent) {
                return;
            }
            if (typeof data?.benchPing === 'number') {
                window.parent.postMessage({ benchPong: data.benchPing, at: now() }, origin);
            }
        });
        win.Twilio.Flex.Actions.addListener('beforeStartOutboundCall', () => {
            win.__bench.dialAt.push(now());
        });
        // The plugin's own share ends where it hands over to Flex: when it invokes an action.
        const actions = win.Twilio.Flex.Actions;
        const invokeAction = actions.invokeAction.bind(actions);
        actions.invokeAction = (name: string, payload?: unknown) => {
            win.__bench.invoked.push({ at: now(), name });
            return invokeAction(name, payload);
        };
        // Inside a host app the plugin never loads Open CTI.
        const opencti = (window as unknown as { sforce?: { opencti: Record<string, unknown> } })
            .sforce?.opencti;
        if (opencti) {
            const searchAndScreenPop = opencti.searchAndScreenPop as (options: unknown) => void;
            opencti.searchAndScreenPop = (options: unknown) => {
                win.__bench.calls.push({ at: now(), method: 'searchAndScreenPop' });
                searchAndScreenPop(options);
            };
        }
    }, parentOrigin);
}

/**
 * Round trips from the page to Flex's frame (`frameSelector`) and back, and the clock offset
 * estimate of each.
 */
export async function installConsoleHooks(
    page: Page,
    softphoneOrigin: string,
    frameSelector = '#softphone'
): Promise<void> {
    await page.evaluate(
        ({ origin, selector }) => {
            const win = window as unknown as ConsoleWindow;
            const now = () => performance.timeOrigin + performance.now();
            win.__benchRoundTrips = async (runs) => {
                const frame = document.querySelector<HTMLIFrameElement>(selector)?.contentWindow;
                if (!frame) {
                    throw new Error('no softphone frame');
                }
                const results: { rtt: number; offset: number }[] = [];
                for (let n = 0; n < runs; n += 1) {
                    results.push(
                        await new Promise((resolve) => {
                            const sent = now();
                            const listener = (event: MessageEvent) => {
                                const data = event.data as {
                                    benchPong?: number;
                                    at?: number;
                                } | null;
                                if (
                                    event.origin !== origin ||
                                    event.source !== frame ||
                                    data?.benchPong !== n ||
                                    typeof data.at !== 'number'
                                ) {
                                    return;
                                }
                                const received = now();
                                window.removeEventListener('message', listener);
                                resolve({
                                    rtt: received - sent,
                                    offset: data.at - (sent + received) / 2
                                });
                            };
                            window.addEventListener('message', listener);
                            frame.postMessage({ benchPing: n }, origin);
                        })
                    );
                }
                return results;
            };
        },
        { origin: softphoneOrigin, selector: frameSelector }
    );
}

export const consoleTimeOrigin = (page: Page) => page.evaluate(() => performance.timeOrigin);
/** The record linked to the accepted call, by the transport's link key. */
export const linkedRecordOfCall = async (softphone: Frame, linkKey = 'sfdcObjectId') =>
    (await tasksOf(softphone)).find((task) => task.status === 'accepted')?.attributes[linkKey];

/** Records each `setAttributes` on the reservation's task, with the record id under `linkKey`. */
export async function recordAttributeWrites(
    softphone: Frame,
    reservationSid: string,
    linkKey: string
): Promise<void> {
    await softphone.evaluate(
        ({ sid, key }) => {
            const win = window as unknown as PhoneWindow;
            const task =
                win.Twilio.Flex.Manager.getInstance().workerClient.reservations.get(sid)?.task;
            if (!task) {
                throw new Error('no task');
            }
            const write = task.setAttributes.bind(task);
            task.setAttributes = (attributes) => {
                win.__bench.writes.push({ at: win.__bench.now(), recordId: attributes[key] });
                return write(attributes);
            };
        },
        { sid: reservationSid, key: linkKey }
    );
}

/**
 * When the task's attributes were written with `recordId` linked, counting only the writes after
 * the `since`-th; throws (naming `what`) if that write never came.
 */
export async function attributeWriteAt(
    softphone: Frame,
    since: number,
    recordId: string,
    what: string
): Promise<number> {
    const write = await eventually(
        () =>
            softphone.evaluate(
                ({ index, id }) =>
                    (window as unknown as PhoneWindow).__bench.writes
                        .slice(index)
                        .find((each) => each.recordId === id),
                { index: since, id: recordId }
            ),
        Boolean
    );
    if (!write) {
        throw new Error(`${what}: no attribute write for ${recordId}`);
    }
    return write.at;
}

/** When Flex's `index`-th `StartOutboundCall` of the probe (from 0) began; throws if it never did. */
export async function dialStartedAt(softphone: Frame, index: number, run: number): Promise<number> {
    const at = await eventually(
        () =>
            softphone.evaluate((n) => (window as unknown as PhoneWindow).__bench.dialAt[n], index),
        (value) => typeof value === 'number'
    );
    if (typeof at !== 'number') {
        throw new Error(`click-to-dial run ${run}: StartOutboundCall never came`);
    }
    return at;
}

/** The agent accepts the reservation; its `acceptedAt` is when TaskRouter confirmed the accept. */
export async function acceptTimed(softphone: Frame, reservationSid: string): Promise<void> {
    await softphone.evaluate(async (sid) => {
        const win = window as unknown as PhoneWindow;
        const reservation =
            win.Twilio.Flex.Manager.getInstance().workerClient.reservations.get(sid);
        // TaskRouter confirmed the accept: from here on, the time is Flex's and the plugin's.
        reservation?.on('accepted', () => {
            win.__bench.acceptedAt[sid] = win.__bench.now();
        });
        await win.sandboxPhone.accept(sid);
    }, reservationSid);
}

/** Waits until Flex accepted the outbound call it placed, then ends every open task. */
export async function endOutboundCall(softphone: Frame): Promise<void> {
    await eventually(
        () => tasksOf(softphone),
        (tasks) => tasks.some((task) => task.status === 'accepted')
    );
    await clearTasks(softphone);
}

/** Hangs up and completes every open task, and waits until Flex has none left. */
export async function clearTasks(softphone: Frame): Promise<void> {
    await softphone.evaluate(async () => {
        const board = (window as unknown as PhoneWindow).sandboxPhone;
        for (const task of board.tasks()) {
            if (task.status === 'accepted') {
                await board.hangUp(task.reservationSid);
            }
            if (task.status === 'accepted' || task.status === 'wrapping') {
                await board.complete(task.reservationSid);
            }
        }
    });
    await eventually(
        () => tasksOf(softphone),
        (tasks) => tasks.every((task) => FINISHED_STATUSES.includes(task.status))
    );
}

/** Waits until a growing list (a journal, a tap) has been quiet for a while, then returns it. */
export async function quietList<T>(read: () => Promise<T[]>, quietMs = 400): Promise<T[]> {
    let entries = await read();
    for (;;) {
        await new Promise((resolve) => setTimeout(resolve, quietMs));
        const next = await read();
        if (next.length === entries.length) {
            return next;
        }
        entries = next;
    }
}

/** Waits until the console's journal has been quiet for a while, then returns it. */
export const quietJournal = (page: Page, quietMs = 400): Promise<JournalEntry[]> =>
    quietList(() => journalOf(page), quietMs);

/** Times of one path: end to end, and the plugin's own share of it. */
export interface PathSamples {
    total: number[];
    plugin: number[];
}

export const benchOf = (softphone: Frame) =>
    softphone.evaluate(() => {
        const bench = (window as unknown as PhoneWindow).__bench;
        return {
            invoked: bench.invoked.length,
            dials: bench.dialAt.length,
            arrivals: bench.arrivals.length,
            writes: bench.writes.length
        };
    });

/**
 * When the first entry named `name` at or after index `since` of one of the softphone's bench
 * lists happened: an Open CTI message's arrival, or a Flex action's invocation.
 */
export async function firstAt(
    softphone: Frame,
    list: 'arrivals' | 'invoked',
    name: string,
    since: number
): Promise<number> {
    const at = await softphone.evaluate(
        ({ which, wanted, index }) =>
            (window as unknown as PhoneWindow).__bench[which]
                .slice(index)
                .find((each) => each.name === wanted)?.at,
        { which: list, wanted: name, index: since }
    );
    if (typeof at !== 'number') {
        throw new Error(`no ${name} in the softphone's ${list}`);
    }
    return at;
}

export const arrivalOf = (softphone: Frame, name: string, since: number) =>
    firstAt(softphone, 'arrivals', name, since);
export const invokedAt = (softphone: Frame, name: string, since: number) =>
    firstAt(softphone, 'invoked', name, since);
