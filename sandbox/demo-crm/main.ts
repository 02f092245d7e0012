// The demo CRM: an ordinary web app that embeds Flex with the host SDK's public API only, as a
// customer's app would: a customer list with click-to-call, a customer page that the screen pop
// opens, its own chooser when several customers match, and an activity timeline that Flex fills.
import {
    connectFlex,
    mountFlex,
    refuse,
    type Activity,
    type BridgeRecord,
    type ChooserState,
    type FlexConnection,
    type HostHandlers,
    type Interaction
} from '@flex-crm/host-sdk';
import { seededRandom } from '../console/faults.ts';
import { el, replaceChildren } from '../shared/dom.ts';
import { CUSTOMERS, customerById, searchCustomers, type Customer } from './customers.ts';
import { CRM_STATUS_LABELS, syncPresence, type CrmStatus } from './presence.ts';
import { timeline } from './timeline.ts';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const flexOrigin =
    document.querySelector('meta[name="demo-flex-origin"]')?.getAttribute('content') ?? '';
const query = new URLSearchParams(location.search);

const record = (customer: Customer): BridgeRecord => ({
    recordId: customer.id,
    objectApiName: 'Customer',
    name: customer.name
});

/** What the page has seen, for the demo's tests and for a curious developer's console. */
const seen = {
    status: 'connecting',
    statusReason: '',
    /** Every status the page showed, in order (a repeat of the same one is not a change). */
    statuses: [] as string[],
    opened: [] as string[],
    searches: [] as { query: string; taskSid: string | null }[],
    saveAttempts: 0,
    saveFailures: 0,
    events: [] as { name: string; data: unknown }[],
    chooser: null as ChooserState | null,
    interaction: null as Interaction | null,
    /** Every change of the CRM's own agent status, and who made it. */
    statusChanges: [] as { status: CrmStatus; by: 'agent' | 'flex' }[]
};
const faults = { failSaves: 0, refuseReason: '', slowSearch: false, failRate: 0 };
/** Seeded by failAtRandom, so a benchmark run's failures can be replayed. */
let random = () => Math.random();
let connection: FlexConnection | null = null;
let handlers: HostHandlers = {};
let presence: ReturnType<typeof syncPresence> | null = null;

/**
 * What a single-page app that remounts its Flex panel does: a second connectFlex for the same
 * iframe. The newest connection wins; resolves with what the older one reported meanwhile.
 */
async function connectAgain(): Promise<{
    older: { status: string; reason?: string }[];
    newer: string;
}> {
    const older = connection;
    const heard: { status: string; reason?: string }[] = [];
    older?.on('status', (status) => heard.push(status));
    const newer = await connectFlex({
        iframe: byId('flex-panel').querySelector('iframe') as HTMLIFrameElement,
        flexOrigin,
        handlers
    });
    connection = newer;
    follow(newer);
    for (let waited = 0; older?.status === 'connected' && waited < 5000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { older: heard, newer: newer.status };
}

function showCustomer(customer: Customer | undefined): void {
    const detail = byId('detail');
    if (!customer) {
        replaceChildren(detail, [el('p', { text: 'That customer is not in this CRM.' })]);
        return;
    }
    const entries = timeline.forCustomer(customer.id);
    replaceChildren(detail, [
        el('h3', { text: customer.name, dataset: { customerId: customer.id } }),
        el('p', { text: `${customer.company} · ${customer.email}` }),
        phoneLine(customer),
        el('h4', { text: `Activity timeline (${entries.length})` }),
        el(
            'ul',
            { className: 'list timeline' },
            entries.map((entry) =>
                el('li', {
                    text: `${entry.activityDate} · ${entry.subject}${entry.durationSeconds !== null ? ` · ${entry.durationSeconds} s` : ''}${entry.summary ? ` · ${entry.summary}` : ''}`,
                    dataset: { activityId: entry.id }
                })
            )
        )
    ]);
}

function phoneLine(customer: Customer): HTMLElement {
    return el('div', { className: 'phone' }, [
        el('span', { text: customer.phone }),
        el('button', {
            text: 'Call',
            attrs: { type: 'button', 'aria-label': `Call ${customer.name} with Flex` },
            dataset: { call: customer.id },
            on: { click: () => void dial(customer) }
        })
    ]);
}

async function dial(customer: Customer): Promise<void> {
    if (!connection) {
        setStatus('disconnected', 'Flex is not connected yet');
        return;
    }
    try {
        await connection.dial(customer.phone, {
            record: record(customer),
            attributes: { campaign: 'demo' }
        });
        showCustomer(customer);
    } catch (error) {
        setStatus(connection.status, `Flex did not call: ${(error as Error).message}`);
    }
}

function renderCustomers(): void {
    replaceChildren(
        byId('customers'),
        CUSTOMERS.map((customer) =>
            el('li', {}, [
                el('button', {
                    text: customer.name,
                    className: 'link',
                    attrs: { type: 'button' },
                    on: { click: () => showCustomer(customer) }
                }),
                el('div', { text: customer.company }),
                phoneLine(customer)
            ])
        )
    );
}

function setStatus(status: string, reason = ''): void {
    if (seen.statuses.at(-1) !== status) seen.statuses.push(status);
    seen.status = status;
    seen.statusReason = reason;
    const words: Record<string, string> = {
        connecting: 'Connecting to Flex…',
        waiting: 'Waiting for Flex: log in to Flex if it asks',
        connected: 'Flex is connected',
        disconnected: 'Flex is not connected',
        destroyed: 'Flex is closed'
    };
    byId('connection').textContent = `${words[status] ?? status}${reason ? `: ${reason}` : ''}`;
}

function renderChooser(state: ChooserState): void {
    seen.chooser = state;
    const box = byId('chooser');
    const several = state.candidates.length > 1 && state.taskSid !== null;
    box.hidden = !several;
    if (!several || !state.taskSid) {
        return;
    }
    const taskSid = state.taskSid;
    replaceChildren(box, [
        el('p', {
            text: `Several customers match ${state.customer ?? 'this caller'}. Which one is it?`
        }),
        ...state.candidates.map((candidate) =>
            el('button', {
                text: `${candidate.name ?? candidate.recordId}${state.selected?.recordId === candidate.recordId ? ' (linked)' : ''}`,
                attrs: {
                    type: 'button',
                    'aria-pressed': String(state.selected?.recordId === candidate.recordId)
                },
                dataset: { choose: candidate.recordId },
                on: {
                    click: () =>
                        void connection
                            ?.linkRecord(candidate, taskSid)
                            .then(() => showCustomer(customerById(candidate.recordId)))
                }
            })
        ),
        el('button', {
            text: 'None of these',
            attrs: { type: 'button' },
            dataset: { choose: '' },
            on: { click: () => void connection?.linkRecord(null, taskSid) }
        })
    ]);
}

function showInteraction(event: string, interaction: Interaction): void {
    seen.interaction = interaction;
    const banner = byId('banner');
    const who =
        interaction.record?.name ??
        interaction.customer.name ??
        interaction.customer.address ??
        'a customer';
    const live = event === 'offered' || event === 'accepted' || event === 'wrapping';
    banner.hidden = !live;
    banner.textContent = live
        ? `${interaction.channel} ${interaction.direction ?? ''} · ${who} · ${event}`
        : '';
}

async function start(): Promise<void> {
    renderCustomers();
    const panel = byId('flex-panel');
    byId('toggle-flex').addEventListener('click', () => {
        const collapsed = panel.classList.toggle('collapsed');
        byId('toggle-flex').textContent = collapsed ? 'Show Flex' : 'Hide Flex';
        byId('toggle-flex').setAttribute('aria-pressed', String(!collapsed));
    });
    byId<HTMLInputElement>('fail-saves').addEventListener('change', (event) => {
        faults.failSaves = Number((event.target as HTMLInputElement).value) || 0;
    });
    byId<HTMLInputElement>('refuse-reason').addEventListener('change', (event) => {
        faults.refuseReason = (event.target as HTMLInputElement).value.trim();
    });
    byId<HTMLInputElement>('slow-search').addEventListener('change', (event) => {
        faults.slowSearch = (event.target as HTMLInputElement).checked;
    });

    const flexUrl = new URL('/softphone/', flexOrigin);
    flexUrl.searchParams.set('host', 'app');
    // The sandbox's Flex reads these: its settings, and how long its agent takes to log in.
    for (const [name, flexName] of [
        ['flexSettings', 'flexSettings'],
        ['flexLoginMs', 'sandboxLoginMs']
    ] as const) {
        const value = query.get(name);
        if (value) flexUrl.searchParams.set(flexName, value);
    }
    try {
        connection = await mountFlex({
            container: panel,
            flexUrl: flexUrl.href,
            waitingAfterMs: Number(query.get('waitingAfterMs')) || 10_000,
            // The first connection's statuses, while the agent logs in; follow() takes over.
            onStatus: ({ status, reason }) => {
                if (!connection) setStatus(status, reason);
            },
            handlers: (handlers = {
                async search(text, interaction) {
                    seen.searches.push({ query: text, taskSid: interaction?.taskSid ?? null });
                    if (faults.slowSearch)
                        await new Promise((resolve) => setTimeout(resolve, 10_000));
                    return searchCustomers(text).map(record);
                },
                openRecord(target) {
                    seen.opened.push(target.recordId);
                    showCustomer(customerById(target.recordId));
                },
                saveActivity(activity: Activity) {
                    seen.saveAttempts += 1;
                    if (faults.failRate > 0 && random() < faults.failRate) {
                        seen.saveFailures += 1;
                        throw new Error('the demo CRM failed at random');
                    }
                    if (faults.failSaves > 0) {
                        faults.failSaves -= 1;
                        byId<HTMLInputElement>('fail-saves').value = String(faults.failSaves);
                        throw new Error('the demo CRM is down for a moment');
                    }
                    if (faults.refuseReason) {
                        const reason = faults.refuseReason;
                        faults.refuseReason = '';
                        throw refuse(reason);
                    }
                    const id = timeline.save(activity);
                    if (activity.recordId) showCustomer(customerById(activity.recordId));
                    return id;
                },
                updateActivity(id, changes, taskSid) {
                    // Only the activity this app saved for that interaction takes its notes.
                    if (!timeline.update(id, changes, taskSid))
                        throw refuse(`the demo CRM has no activity ${id} for this interaction`);
                },
                showFlex() {
                    panel.classList.remove('collapsed');
                    byId('toggle-flex').textContent = 'Hide Flex';
                }
            })
        });
    } catch (error) {
        setStatus('disconnected', (error as Error).message);
        return;
    }
    const statusMenu = byId<HTMLSelectElement>('crm-status');
    statusMenu.replaceChildren(
        ...(Object.keys(CRM_STATUS_LABELS) as CrmStatus[]).map(
            (status) => new Option(CRM_STATUS_LABELS[status], status)
        )
    );
    presence = syncPresence(() => connection, statusMenu, seen.statusChanges);
    follow(connection);
}

/** Shows what a connection reports; only the current one's events count. */
function follow(current: FlexConnection): void {
    const mine =
        <T>(listener: (data: T) => void) =>
        (data: T) => {
            if (current === connection) listener(data);
        };
    setStatus(current.status);
    current.on(
        'status',
        mine(({ status, reason }) => setStatus(status, reason))
    );
    current.on(
        'interaction',
        mine(({ event, interaction }) => {
            seen.events.push({ name: `interaction:${event}`, data: interaction });
            showInteraction(event, interaction);
        })
    );
    current.on(
        'availability',
        mine((availability) => {
            seen.events.push({ name: 'availability', data: availability });
            byId('availability').textContent = `Agent: ${availability.activity}`;
        })
    );
    current.on('chooser', mine(renderChooser));
    presence?.follow(current);
    current.on(
        'flexEvent',
        mine((event) => seen.events.push({ name: `flexEvent:${event.name}`, data: event.data }))
    );
    current.on('problem', ({ problem }) =>
        console.warn('[demo CRM] refused a message from Flex:', problem)
    );
}

(window as unknown as Record<string, unknown>).demoCrm = {
    seen,
    faults,
    timeline: () => timeline.all(),
    clearTimeline: () => timeline.clear(),
    connection: () => connection,
    connectAgain,
    /** Fails a seeded share of activity saves (the soak benchmark). */
    failAtRandom(rate: number, seed: number) {
        faults.failRate = rate;
        random = seededRandom(seed);
    },
    /** The task SIDs saved and the save calls since the last tally; clears them (the soak benchmark). */
    takeTally() {
        const tally = {
            logged: timeline.all().map((entry) => entry.taskSid),
            calls: seen.saveAttempts,
            failed: seen.saveFailures
        };
        timeline.clear();
        seen.saveAttempts = 0;
        seen.saveFailures = 0;
        return tally;
    },
    dial: (id: string) => dial(customerById(id) as Customer),
    link: (recordId: string | null, taskSid: string) => {
        const customer = recordId ? customerById(recordId) : undefined;
        return connection?.linkRecord(customer ? record(customer) : null, taskSid);
    }
};

void start();
