// The sandbox console page: a simulated Lightning console with records, click-to-dial phone
// fields, activity history, and a utility bar holding the softphone iframe and the record picker.
// With ?salesforce=lwc it is Salesforce without Open CTI: the package's Flex Softphone LWC frames
// Flex and talks to it over the bridge, and Call with Flex replaces phone-field click-to-dial.
import { el, replaceChildren } from '../shared/dom.ts';
import { Faults, type FaultMode } from './faults.ts';
import { createFixtures, type SandboxRecord } from './fixtures.ts';
import { Journal, type JournalEntry } from './journal.ts';
import { LmsBus } from './lmsBus.ts';
import { createLwcPlatform } from './lwcPlatform.ts';
import { OmniChannel, presenceMappingRows } from './omniChannel.ts';
import { createOpenCtiHost } from './openCtiHost.ts';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const records = createFixtures();
const journal = new Journal();
const faults = new Faults();
const lms = new LmsBus();
const pageListeners = new Set<(reference: unknown) => void>();
let currentRecordId: string | null = null;
let panelVisible = false;
let clickToDial = false;
const itemState = { icon: 'call', label: 'Phone' };
/** The softphone's utility item: may the agent pop it out? Every change, in order. */
let popoutable = true;
const popoutHistory: boolean[] = [];
const itemHistory: string[] = [];

/** The sandbox's own switches (Salesforce mode, plugin settings, simulated browser storage). */
const consoleQuery = new URLSearchParams(location.search);
/** Open CTI (the call center's softphone), or the package's softphone LWC over the bridge. */
const mode: 'opencti' | 'lwc' = consoleQuery.get('salesforce') === 'lwc' ? 'lwc' : 'opencti';

const softphoneFrame = byId<HTMLIFrameElement>('softphone');
const softphoneOrigin =
    document.querySelector('meta[name="sandbox-softphone-origin"]')?.getAttribute('content') ?? '';

const recordById = (recordId: string) =>
    records.find(
        (record) => record.Id === recordId || record.Id.slice(0, 15) === recordId.slice(0, 15)
    );

const pageReference = () => {
    const record = currentRecordId ? recordById(currentRecordId) : undefined;
    return record
        ? {
              type: 'standard__recordPage',
              attributes: {
                  recordId: record.Id,
                  objectApiName: record.objectApiName,
                  actionName: 'view'
              }
          }
        : { type: 'standard__namedPage', attributes: { pageName: 'home' } };
};

function setPanelVisible(visible: boolean): void {
    panelVisible = visible;
    byId('softphone-panel').hidden = !visible;
    byId('softphone-item').setAttribute('aria-pressed', String(visible));
}

function renderRecordList(): void {
    replaceChildren(
        byId('record-list'),
        records
            .filter((record) => record.objectApiName !== 'Task')
            .map((record) =>
                el('li', {}, [
                    el('a', {
                        text: `${record.Name} · ${record.objectApiName}`,
                        attrs: { href: `#/${record.Id}` },
                        dataset: { recordId: record.Id }
                    })
                ])
            )
    );
}

function activitiesOf(record: SandboxRecord): SandboxRecord[] {
    return records.filter(
        (each) =>
            each.objectApiName === 'Task' &&
            (each.fields.WhoId === record.Id || each.fields.WhatId === record.Id)
    );
}

function renderRecordPage(): void {
    const page = byId('record-page');
    const record = currentRecordId ? recordById(currentRecordId) : undefined;
    if (!record) {
        replaceChildren(page, [
            el('p', {
                text: 'Choose a record on the left, or take a call.',
                dataset: { id: 'home' }
            })
        ]);
        return;
    }
    const fieldRows = Object.entries(record.fields).map(([field, value]) => {
        const shown = value === null ? '' : String(value);
        const isPhone = record.phoneFields.includes(field) && typeof value === 'string';
        const cell =
            isPhone && clickToDial
                ? el('a', {
                      text: shown,
                      attrs: { href: '#', title: 'Click to dial' },
                      dataset: { clickToDial: field },
                      on: {
                          click: (event) => {
                              event.preventDefault();
                              host.clickToDial(record, field);
                          }
                      }
                  })
                : el('span', { text: shown, dataset: isPhone ? { phone: field } : {} });
        return el(
            'div',
            { className: 'slds-form-element slds-form-element_readonly slds-m-bottom_x-small' },
            [
                el('span', { className: 'slds-form-element__label', text: field }),
                el('div', { className: 'slds-form-element__control' }, [cell])
            ]
        );
    });
    const activities = activitiesOf(record);
    replaceChildren(page, [
        el(
            'article',
            {
                className: 'slds-card',
                dataset: { recordId: record.Id, objectApiName: record.objectApiName }
            },
            [
                el('div', { className: 'slds-card__header' }, [
                    el('p', { className: 'slds-text-title_caps', text: record.objectApiName }),
                    el('h1', {
                        className: 'slds-text-heading_medium',
                        text: record.Name,
                        dataset: { id: 'record-name' }
                    })
                ]),
                el('div', { className: 'slds-card__body slds-card__body_inner' }, fieldRows)
            ]
        ),
        el('article', { className: 'slds-card slds-m-top_small' }, [
            el('div', { className: 'slds-card__header' }, [
                el('h2', {
                    className: 'slds-text-heading_small',
                    text: `Activity history (${activities.length})`
                })
            ]),
            el(
                'ul',
                {
                    className: 'slds-card__body slds-card__body_inner',
                    dataset: { id: 'activity-history' }
                },
                activities.map((task) =>
                    el('li', { dataset: { taskId: task.Id } }, [
                        el('strong', { text: task.Name }),
                        el('span', {
                            text: ` · ${String(task.fields.CallType ?? '')} · ${String(task.fields.ActivityDate ?? '')} · ${String(task.fields.Description ?? '')}`
                        })
                    ])
                )
            )
        ])
    ]);
}

function openRecord(recordId: string): boolean {
    const record = recordById(recordId);
    if (!record || record.objectApiName === 'Task') {
        return false;
    }
    currentRecordId = record.Id;
    if (location.hash !== `#/${record.Id}`) {
        history.replaceState(null, '', `#/${record.Id}`);
    }
    renderRecordPage();
    pageListeners.forEach((listener) => listener(pageReference()));
    host.navigationChanged();
    return true;
}

const host = createOpenCtiHost({
    win: window,
    softphone: { window: () => softphoneFrame.contentWindow, origin: softphoneOrigin },
    journal,
    faults,
    lms,
    surface: {
        records,
        openRecord,
        currentRecord: () => (currentRecordId ? recordById(currentRecordId) : undefined),
        setPanelVisible,
        isPanelVisible: () => panelVisible,
        setClickToDialEnabled: (enabled) => {
            clickToDial = enabled;
            renderRecordPage();
        },
        setItemIcon: (key) => {
            itemState.icon = key;
            itemHistory.push(`icon:${key}`);
            byId('softphone-item-icon').dataset.icon = key;
        },
        setItemLabel: (label) => {
            itemState.label = label;
            itemHistory.push(`label:${label}`);
            byId('softphone-item-label').textContent = label;
        },
        setPopoutable: (value) => {
            popoutable = value;
            popoutHistory.push(value);
            byId('softphone-item').dataset.popoutable = String(value);
        },
        refreshView: renderRecordPage
    }
});

const lwcPlatform = createLwcPlatform({
    records,
    faults,
    openRecord,
    refreshView: renderRecordPage,
    presenceMappings: presenceMappingRows()
});
lwcPlatform.utility.onChange((state) => {
    if (state.label) byId('softphone-item-label').textContent = state.label;
    byId('softphone-item').dataset.popoutable = String(!state.popOutDisabled);
    byId('softphone-item').dataset.highlighted = String(state.highlighted);
    if (state.open && !panelVisible) setPanelVisible(true);
});

/** An object's describe as uiObjectInfoApi answers: its name field and phone fields. */
function objectInfo(objectApiName: string) {
    const ofObject = records.filter((record) => record.objectApiName === objectApiName);
    if (ofObject.length === 0) return null;
    const phoneFields = [...new Set(ofObject.flatMap((record) => record.phoneFields))];
    const labels: Record<string, string> = { Phone: 'Phone', MobilePhone: 'Mobile' };
    return {
        apiName: objectApiName,
        nameFields: ['Name'],
        fields: Object.fromEntries([
            ['Name', { apiName: 'Name', label: 'Name', dataType: 'String' }],
            ...phoneFields.map((field) => [
                field,
                { apiName: field, label: labels[field] ?? field, dataType: 'Phone' }
            ])
        ])
    };
}

function renderJournalEntry(entry: JournalEntry): void {
    const list = byId('journal');
    list.append(
        el('li', {
            className: entry.kind,
            text: `${entry.seq} ${entry.kind} ${entry.methodName}${entry.callId ? `#${entry.callId}` : ''} ${JSON.stringify(entry.payload).slice(0, 160)}`
        })
    );
    while (list.childElementCount > 200) {
        list.firstElementChild?.remove();
    }
}

function renderFaultForm(): void {
    const method = el('input', {
        attrs: { value: 'saveLog', 'aria-label': 'Method', size: '16' },
        dataset: { id: 'fault-method' }
    });
    const mode = el('select', { attrs: { 'aria-label': 'Fault' }, dataset: { id: 'fault-mode' } }, [
        el('option', { text: 'fail', attrs: { value: 'fail' } }),
        el('option', { text: 'delay', attrs: { value: 'delay' } }),
        el('option', { text: 'drop', attrs: { value: 'drop' } })
    ]);
    const count = el('input', {
        attrs: { value: '1', type: 'number', min: '1', 'aria-label': 'Next N calls', size: '3' },
        dataset: { id: 'fault-count' }
    });
    const delay = el('input', {
        attrs: { value: '2000', type: 'number', 'aria-label': 'Delay ms', size: '5' },
        dataset: { id: 'fault-delay' }
    });
    const status = el('p', { attrs: { role: 'status' } });
    const apply = el('button', {
        className: 'slds-button slds-button_neutral',
        text: 'Inject',
        on: {
            click: () => {
                try {
                    faults.inject({
                        methodName: method.value.trim(),
                        mode: mode.value as FaultMode,
                        count: Number(count.value),
                        delayMs: Number(delay.value)
                    });
                    status.textContent = `Next ${count.value} ${method.value} call(s): ${mode.value}`;
                } catch (error) {
                    status.textContent = error instanceof Error ? error.message : String(error);
                }
            }
        }
    });
    replaceChildren(byId('fault-form'), [method, mode, count, delay, apply, status]);
}

// Omni-Channel: the agent starts logged in as Available; the menu is the Omni-Channel widget.
const omni = new OmniChannel('Available');
const LOGGED_OUT = '';
function renderOmniMenu(): void {
    const menu = byId('omni-status') as HTMLSelectElement;
    if (!menu.options.length) {
        const options = omni.statuses
            .filter((status) => status.granted)
            .map((status) => new Option(status.statusName, status.statusApiName));
        menu.replaceChildren(...options, new Option('Offline (logged out)', LOGGED_OUT));
        menu.addEventListener('change', () => omni.agentSets(menu.value || null));
    }
    menu.value = omni.current ?? LOGGED_OUT;
}
/** Toasts components raised (ShowToastEvent), shown as Salesforce would and kept for tests. */
const toasts: { title: string; message: string; variant: string }[] = [];
function showToast(detail: unknown): void {
    const toast = (typeof detail === 'object' && detail !== null ? detail : {}) as Record<
        string,
        unknown
    >;
    const entry = {
        title: String(toast.title ?? ''),
        message: String(toast.message ?? ''),
        variant: String(toast.variant ?? 'info')
    };
    toasts.push(entry);
    const item = document.createElement('p');
    const theme = ['error', 'success', 'info'].includes(entry.variant) ? entry.variant : 'warning';
    item.className = `slds-notify slds-notify_toast slds-theme_${theme}`;
    item.textContent = `${entry.title}: ${entry.message}`;
    byId('toasts').append(item);
}
omni.onStatusChanged(renderOmniMenu);
omni.onLogout(renderOmniMenu);

// Tests and the benchmark drive the console through this object.
const api = {
    lms,
    mode,
    /** Salesforce without Open CTI: the org's side of what the softphone LWC calls. */
    lwcPlatform,
    /** Omni-Channel: the agent's presence, its toolkit and events (presence sync). */
    omni,
    toast: showToast,
    toasts: () => toasts.map((toast) => ({ ...toast })),
    /** Where the softphone LWC loads Flex from (its App Builder property). */
    lwcFlexUrl: '',
    objectInfo,
    journal: () => journal.toJSON(),
    inject: (fault: Parameters<Faults['inject']>[0]) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    failAtRandom: (methodName: string, rate: number, seed?: number) =>
        faults.failAtRandom(methodName, rate, seed),
    clearJournal: () => {
        journal.clear();
        byId('journal').replaceChildren();
    },
    /** Deletes every activity log (Task) from the org, e.g. after a benchmark counted them. */
    removeTasks: () => {
        for (let i = records.length - 1; i >= 0; i--) {
            if (records[i]?.objectApiName === 'Task') {
                records.splice(i, 1);
            }
        }
        renderRecordPage();
    },
    records: () => records.map((record) => ({ ...record, fields: { ...record.fields } })),
    record: (recordId: string) => recordById(recordId),
    openRecord,
    clickToDial: (recordId: string, field = 'Phone') => {
        const record = recordById(recordId);
        return record ? host.clickToDial(record, field) : false;
    },
    activities: (recordId: string) => {
        const record = recordById(recordId);
        return record ? activitiesOf(record) : [];
    },
    /** Reloads the softphone frame, as the agent's browser would (faults stay armed). */
    reloadSoftphone: () => {
        host.softphoneUnloaded();
        softphoneFrame.src = softphoneFrame.src;
    },
    state: () => ({
        panelVisible,
        clickToDial,
        currentRecordId,
        itemIcon: itemState.icon,
        itemLabel: itemState.label,
        popoutable,
        /** Every pop-out setting and utility item change so far, in order. */
        popoutHistory: [...popoutHistory],
        itemHistory: [...itemHistory]
    }),
    onPageReference: (listener: (reference: unknown) => void) => {
        pageListeners.add(listener);
        listener(pageReference());
        return () => pageListeners.delete(listener);
    }
};
export type SandboxConsoleApi = typeof api;
(window as unknown as Record<string, unknown>).sandboxConsole = api;

journal.onEntry(renderJournalEntry);
byId('journal-download').addEventListener('click', (event) => {
    const link = event.currentTarget as HTMLAnchorElement;
    link.href = URL.createObjectURL(
        new Blob([JSON.stringify(journal.toJSON(), null, 2)], { type: 'application/json' })
    );
});
byId('softphone-item').addEventListener('click', () => setPanelVisible(!panelVisible));
for (const [item, panelId] of [
    ['picker-item', 'picker-panel'],
    ['omni-item', 'omni-panel']
] as const) {
    byId(item).addEventListener('click', () => {
        const panel = byId(panelId);
        panel.hidden = !panel.hidden;
        byId(item).setAttribute('aria-pressed', String(!panel.hidden));
    });
}
window.addEventListener('hashchange', () => openRecord(location.hash.slice(2)));

renderRecordList();
renderFaultForm();
renderOmniMenu();
if (location.hash.length > 2) {
    openRecord(location.hash.slice(2));
} else {
    renderRecordPage();
}
// The softphone gets what Salesforce appends to the call center's adapter URL; without Open CTI,
// Flex is the host app integration's, framed by the softphone LWC.
const query =
    mode === 'lwc'
        ? new URLSearchParams({ host: 'lwc' })
        : new URLSearchParams({ mode: 'Lightning', sfdcIframeOrigin: location.origin });
for (const name of ['flexSettings', 'sandboxStorage', 'sandboxPlugin', 'sandboxLayout']) {
    const value = consoleQuery.get(name);
    if (value) {
        query.set(name, value);
    }
}
if (mode === 'lwc') {
    // No call center: the LWC (sandbox/lwc/main.js) mounts into the panel and frames Flex itself.
    softphoneFrame.remove();
    api.lwcFlexUrl = `${softphoneOrigin}/softphone/?${query.toString()}`;
    document.body.dataset.salesforce = 'lwc';
} else {
    softphoneFrame.src = `${softphoneOrigin}/softphone/?${query.toString()}`;
}
