import { createElement } from 'lwc';
import Ajv2020 from 'ajv/dist/2020';
import FlexRecordPicker, { CONFIRM_TIMEOUT_MS } from 'c/flexRecordPicker';
import {
    APPLICATION_SCOPE,
    publish,
    resetSubscribers,
    subscribe,
    subscriberCount
} from 'lightning/messageService';
import { CurrentPageReference } from 'lightning/navigation';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { idChecksum } from 'c/flexContract';
import selectionSchema from '../../../../../../contracts/lms/Flex_Record_Selection__c.schema.json';
import interactionSchema from '../../../../../../contracts/lms/Flex_Interaction__c.schema.json';

// Labels with placeholders get real text, so tests can see what is filled in.
jest.mock(
    '@salesforce/label/c.FlexPicker_Refused',
    () => ({ default: "Flex didn't link the record: {0}" }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/label/c.FlexPicker_ChooseCandidate', () => ({ default: 'Link {0} ({1})' }), {
    virtual: true
});

const INTERACTION = 'Flex_Interaction__c';
const SELECTION = 'Flex_Record_Selection__c';
const TASK = 'WT0123456789abcdef0123456789abcdef';
const OTHER_TASK = 'WTfedcba9876543210fedcba9876543210';
const CONTACT = { recordId: '003000000000001AAA', objectApiName: 'Contact', name: 'Ada Lovelace' };
const LEAD = { recordId: '00Q000000000001EAA', objectApiName: 'Lead', name: 'Ada King' };
const ACCOUNT_ID = '001000000000001AAA';
const withChecksum = (id15) => id15 + idChecksum(id15);

const ajv = new Ajv2020({ allErrors: true, strictTypes: false });
const isValidSelection = ajv.compile(selectionSchema);
const isValidInteraction = ajv.compile(interactionSchema);

function interaction(overrides = {}) {
    const message = {
        taskSid: TASK,
        status: 'accepted',
        direction: 'inbound',
        channel: 'voice',
        customer: '+14155550100',
        candidates: [CONTACT, LEAD],
        selected: null,
        error: null,
        ...overrides
    };
    expect(isValidInteraction(message)).toBe(true);
    return message;
}

const NO_INTERACTION = {
    taskSid: null,
    status: null,
    direction: null,
    channel: null,
    customer: null,
    candidates: [],
    selected: null,
    error: null
};

/** Every selection message the picker published, each checked against the contract. */
function publishedSelections() {
    return publish.mock.calls
        .filter(([, channel]) => channel === SELECTION)
        .map(([, , message]) => {
            expect(isValidSelection(message)).toBe(true);
            return message;
        });
}

function lastSelection() {
    return publishedSelections().at(-1);
}

/** The plugin's side: publish the interaction state as Flex would. */
async function flexPublishes(message) {
    publish(undefined, INTERACTION, message);
    await Promise.resolve();
}

function mount(props = {}) {
    const element = createElement('c-flex-record-picker', { is: FlexRecordPicker });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

/** The console shows an Account; the agent clicks Use this record. */
async function openAccountAndUseIt(element) {
    CurrentPageReference.emit({
        type: 'standard__recordPage',
        attributes: { recordId: ACCOUNT_ID, objectApiName: 'Account' }
    });
    await Promise.resolve();
    element.shadowRoot.querySelector('[data-id="use-this-record"]').click();
    await Promise.resolve();
}

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const text = (element, id) => $(element, id)?.textContent.trim();

describe('c-flex-record-picker', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        resetSubscribers();
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    describe('on load', () => {
        it('subscribes to Flex_Interaction__c in application scope and asks Flex for the state', () => {
            mount();
            expect(subscribe).toHaveBeenCalledWith(undefined, INTERACTION, expect.any(Function), {
                scope: APPLICATION_SCOPE
            });
            expect(publishedSelections()).toEqual([
                {
                    action: 'sync',
                    recordId: null,
                    objectApiName: null,
                    recordName: null,
                    taskSid: null
                }
            ]);
        });

        it('fills in an interaction that was already going on when Flex answers the sync', async () => {
            const element = mount();
            await flexPublishes(interaction({ selected: CONTACT }));
            expect(text(element, 'customer')).toBe('+14155550100');
            expect(text(element, 'selected')).toBe('Ada Lovelace (Contact)');
        });

        it('unsubscribes when removed', () => {
            const element = mount();
            expect(subscriberCount(INTERACTION)).toBe(1);
            document.body.removeChild(element);
            expect(subscriberCount(INTERACTION)).toBe(0);
        });
    });

    describe('with no interaction', () => {
        it('says why and disables every control', async () => {
            const element = mount();
            await flexPublishes(NO_INTERACTION);
            expect(text(element, 'no-interaction')).toBe('c.FlexPicker_NoInteraction');
            expect($(element, 'interaction')).toBeNull();
            ['object-type', 'search', 'use-this-record', 'clear'].forEach((id) => {
                expect($(element, id).disabled).toBe(true);
            });
            await expect(element).toBeAccessible();
        });

        it('is also disabled before Flex has said anything', () => {
            const element = mount();
            expect(text(element, 'no-interaction')).toBe('c.FlexPicker_NoInteraction');
            expect($(element, 'search').disabled).toBe(true);
        });

        it('clears what it showed when the interaction ends', async () => {
            const element = mount();
            await flexPublishes(interaction({ selected: CONTACT }));
            await flexPublishes(NO_INTERACTION);
            expect($(element, 'candidates')).toBeNull();
            expect($(element, 'selected')).toBeNull();
            expect(text(element, 'none-linked')).toBe('c.FlexPicker_NoneLinked');
        });
    });

    describe('showing the interaction', () => {
        it('shows customer, channel, direction and status in the agent language', async () => {
            const element = mount();
            await flexPublishes(interaction());
            expect(text(element, 'customer')).toBe('+14155550100');
            expect(text(element, 'channel')).toBe('c.FlexPicker_ChannelVoice');
            expect(text(element, 'direction')).toBe('c.FlexPicker_Inbound');
            expect(text(element, 'status')).toBe('c.FlexPicker_StatusAccepted');
            expect(text(element, 'none-linked')).toBe('c.FlexPicker_NoneLinked');
            await expect(element).toBeAccessible();
        });

        it.each([
            [
                { status: 'pending', direction: 'outbound', channel: 'sms' },
                ['c.FlexPicker_StatusPending', 'c.FlexPicker_Outbound', 'c.FlexPicker_ChannelSms']
            ],
            [
                { status: 'wrapping', direction: null, channel: 'chat' },
                ['c.FlexPicker_StatusWrapping', 'c.FlexPicker_Unknown', 'c.FlexPicker_ChannelChat']
            ],
            [
                { status: 'completed', direction: 'inbound', channel: 'email' },
                [
                    'c.FlexPicker_StatusCompleted',
                    'c.FlexPicker_Inbound',
                    'c.FlexPicker_ChannelEmail'
                ]
            ],
            [
                { status: 'canceled', direction: 'inbound', channel: 'whatsapp' },
                ['c.FlexPicker_StatusCanceled', 'c.FlexPicker_Inbound', 'whatsapp']
            ],
            [
                { status: null, direction: null, channel: null, customer: null },
                ['c.FlexPicker_Unknown', 'c.FlexPicker_Unknown', 'c.FlexPicker_Unknown']
            ]
        ])('labels %j', async (overrides, [status, direction, channel]) => {
            const element = mount();
            await flexPublishes(interaction(overrides));
            expect([
                text(element, 'status'),
                text(element, 'direction'),
                text(element, 'channel')
            ]).toEqual([status, direction, channel]);
        });

        it('uses object labels from the org for object names', async () => {
            const element = mount();
            getObjectInfos.emit({
                results: [
                    { statusCode: 200, result: { apiName: 'Contact', label: 'Kontakt' } },
                    { statusCode: 200, result: { apiName: 'Lead', label: 'Interessent' } }
                ]
            });
            await flexPublishes(interaction({ selected: CONTACT }));
            expect(text(element, 'selected')).toBe('Ada Lovelace (Kontakt)');
            const buttons = element.shadowRoot.querySelectorAll('[data-id="candidates"] button');
            expect([...buttons].map((b) => b.textContent.trim())).toEqual([
                'Link Ada Lovelace (Kontakt)',
                'Link Ada King (Interessent)'
            ]);
        });

        it('ignores a message that breaks the contract and keeps what it showed', async () => {
            const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
            const element = mount();
            await flexPublishes(interaction());
            await flexPublishes({
                ...interaction(),
                customer: 'Mallory',
                selected: { recordId: 'not-an-id', objectApiName: 'Contact', name: 'x' }
            });
            await flexPublishes({ ...interaction(), customer: 'Mallory', extra: true });
            await flexPublishes('<img src=x onerror=alert(1)>');
            expect(text(element, 'customer')).toBe('+14155550100');
            expect(warn).toHaveBeenCalledTimes(3);
            expect(warn.mock.calls[0][0]).toContain(
                'selected.recordId is not a valid Salesforce ID'
            );
            warn.mockRestore();
        });

        it('ignores a record whose ID belongs to another object', async () => {
            const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
            const element = mount();
            await flexPublishes(interaction());
            await flexPublishes({
                ...interaction(),
                customer: 'Mallory',
                selected: { recordId: ACCOUNT_ID, objectApiName: 'Contact', name: 'Not a contact' }
            });
            expect(text(element, 'customer')).toBe('+14155550100');
            expect(warn.mock.calls[0][0]).toContain(
                'selected.recordId is not a Contact ID (Contact IDs start with 003)'
            );
            warn.mockRestore();
        });

        it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
            'shows the object name %s as it is, never a built-in property',
            async (objectApiName) => {
                const element = mount();
                const custom = {
                    recordId: withChecksum('a0B000000000001'),
                    objectApiName,
                    name: 'Odd'
                };
                await flexPublishes(
                    interaction({ candidates: [custom, CONTACT], selected: custom })
                );
                expect(text(element, 'selected')).toBe(`Odd (${objectApiName})`);
                const buttons = element.shadowRoot.querySelectorAll(
                    '[data-id="candidates"] button'
                );
                expect(buttons[0].textContent.trim()).toBe(`Link Odd (${objectApiName})`);
            }
        );
    });

    describe('choosing a screen pop candidate', () => {
        it('publishes the choice for this task, waits, and shows it once Flex confirms', async () => {
            const element = mount();
            await flexPublishes(interaction());
            const [, leadButton] = element.shadowRoot.querySelectorAll(
                '[data-id="candidates"] button'
            );
            leadButton.click();
            await Promise.resolve();

            expect(lastSelection()).toEqual({
                action: 'select',
                recordId: LEAD.recordId,
                objectApiName: 'Lead',
                recordName: 'Ada King',
                taskSid: TASK
            });
            expect(text(element, 'pending')).toBe('c.FlexPicker_Pending');
            expect(leadButton.disabled).toBe(true);
            expect($(element, 'search').disabled).toBe(true);

            // An unrelated update (status change) does not end the wait.
            await flexPublishes(interaction({ status: 'wrapping' }));
            expect(text(element, 'pending')).toBe('c.FlexPicker_Pending');

            // The plugin echoes the 15-character form: still the same record.
            await flexPublishes(
                interaction({ selected: { ...LEAD, recordId: LEAD.recordId.slice(0, 15) } })
            );
            expect($(element, 'pending')).toBeNull();
            expect(text(element, 'selected')).toBe('Ada King (Lead)');
            const items = element.shadowRoot.querySelectorAll('[data-id="candidates"] li');
            expect(items[1].querySelector('.slds-badge').textContent.trim()).toBe(
                'c.FlexPicker_LinkedBadge'
            );
            expect(items[0].querySelector('.slds-badge')).toBeNull();
            expect(leadButton.disabled).toBe(false);
            await expect(element).toBeAccessible();
        });

        it('shows a choice made elsewhere (the Flex task canvas) as linked', async () => {
            const element = mount();
            await flexPublishes(interaction({ selected: CONTACT }));
            expect(text(element, 'selected')).toBe('Ada Lovelace (Contact)');
            expect($(element, 'clear').disabled).toBe(false);
        });

        it("shows the plugin's reason when it refuses", async () => {
            const element = mount();
            await flexPublishes(interaction());
            element.shadowRoot.querySelector('[data-id="candidates"] button').click();
            await flexPublishes(
                interaction({
                    error: { code: 'UNKNOWN_TASK', message: 'That task is no longer yours.' }
                })
            );
            expect($(element, 'pending')).toBeNull();
            expect($(element, 'error').getAttribute('role')).toBe('alert');
            expect(text(element, 'error')).toBe(
                "Flex didn't link the record: That task is no longer yours."
            );
            expect(text(element, 'none-linked')).toBe('c.FlexPicker_NoneLinked');
            await expect(element).toBeAccessible();
        });

        it('tells the agent when Flex does not answer, then lets them try again', async () => {
            jest.useFakeTimers();
            const element = mount();
            await flexPublishes(interaction());
            element.shadowRoot.querySelector('[data-id="candidates"] button').click();
            await Promise.resolve();
            jest.advanceTimersByTime(CONFIRM_TIMEOUT_MS - 1);
            await Promise.resolve();
            expect($(element, 'error')).toBeNull();
            jest.advanceTimersByTime(1);
            await Promise.resolve();
            expect(text(element, 'error')).toBe('c.FlexPicker_NoAnswer');
            expect($(element, 'pending')).toBeNull();

            const button = element.shadowRoot.querySelector('[data-id="candidates"] button');
            expect(button.disabled).toBe(false);
            button.click();
            await Promise.resolve();
            expect($(element, 'error')).toBeNull();
            expect(publishedSelections().filter((m) => m.action === 'select')).toHaveLength(2);
        });

        it('takes back the no-answer message when Flex confirms late', async () => {
            jest.useFakeTimers();
            const element = mount();
            await flexPublishes(interaction());
            element.shadowRoot.querySelector('[data-id="candidates"] button').click();
            jest.advanceTimersByTime(CONFIRM_TIMEOUT_MS);
            await Promise.resolve();
            expect(text(element, 'error')).toBe('c.FlexPicker_NoAnswer');
            await flexPublishes(interaction({ status: 'wrapping' }));
            expect(text(element, 'error')).toBe('c.FlexPicker_NoAnswer');
            await flexPublishes(interaction({ selected: CONTACT }));
            expect($(element, 'error')).toBeNull();
            expect(text(element, 'selected')).toBe('Ada Lovelace (Contact)');
        });

        it('gives up on a name lookup that never answers', async () => {
            jest.useFakeTimers();
            const element = mount();
            await flexPublishes(interaction());
            await openAccountAndUseIt(element);
            expect(text(element, 'pending')).toBe('c.FlexPicker_Pending');
            jest.advanceTimersByTime(CONFIRM_TIMEOUT_MS);
            await Promise.resolve();
            expect($(element, 'pending')).toBeNull();
            expect(text(element, 'error')).toBe('c.FlexPicker_NoAnswer');
            expect(publishedSelections().map((m) => m.action)).toEqual(['sync']);
            expect($(element, 'use-this-record').disabled).toBe(false);
        });

        it('drops the wait when Flex switches to another task', async () => {
            const element = mount();
            await flexPublishes(interaction());
            element.shadowRoot.querySelector('[data-id="candidates"] button').click();
            await flexPublishes(
                interaction({ taskSid: OTHER_TASK, candidates: [], customer: 'Bob' })
            );
            expect($(element, 'pending')).toBeNull();
            expect(text(element, 'customer')).toBe('Bob');
            expect($(element, 'search').disabled).toBe(false);
        });

        it('sends one choice at a time', async () => {
            const element = mount();
            await flexPublishes(interaction());
            const buttons = element.shadowRoot.querySelectorAll('[data-id="candidates"] button');
            buttons[0].click();
            buttons[1].click();
            expect(publishedSelections().filter((m) => m.action === 'select')).toHaveLength(1);
        });
    });

    describe('use this record', () => {
        it('links the record open in the console, with its name', async () => {
            const element = mount();
            await flexPublishes(interaction());
            expect($(element, 'use-this-record').disabled).toBe(true);
            CurrentPageReference.emit({
                type: 'standard__recordPage',
                attributes: { recordId: ACCOUNT_ID, objectApiName: 'Account', actionName: 'view' }
            });
            await Promise.resolve();
            expect($(element, 'use-this-record').disabled).toBe(false);

            $(element, 'use-this-record').click();
            await Promise.resolve();
            expect(text(element, 'pending')).toBe('c.FlexPicker_Pending');
            expect(getRecord.getLastConfig()).toEqual({
                recordId: ACCOUNT_ID,
                fields: ['Account.Id'],
                optionalFields: ['Account.Name']
            });
            getRecord.emit({ id: ACCOUNT_ID, fields: { Name: { value: 'Analytical Engines' } } });
            await Promise.resolve();
            expect(lastSelection()).toEqual({
                action: 'select',
                recordId: ACCOUNT_ID,
                objectApiName: 'Account',
                recordName: 'Analytical Engines',
                taskSid: TASK
            });
        });

        it("reads a case's number as its name", async () => {
            const element = mount({ recordId: '500000000000001AAA', objectApiName: 'Case' });
            await flexPublishes(interaction());
            $(element, 'use-this-record').click();
            await Promise.resolve();
            expect(getRecord.getLastConfig().optionalFields).toEqual(['Case.CaseNumber']);
            getRecord.emit({ fields: { CaseNumber: { value: '00001026' } } });
            await Promise.resolve();
            expect(lastSelection()).toMatchObject({
                recordId: '500000000000001AAA',
                recordName: '00001026'
            });
        });

        it('still links the record when its name cannot be read', async () => {
            const element = mount();
            await flexPublishes(interaction());
            await openAccountAndUseIt(element);
            getRecord.error();
            await Promise.resolve();
            expect(lastSelection()).toMatchObject({
                recordId: ACCOUNT_ID,
                objectApiName: 'Account',
                recordName: null
            });
        });

        it('prefers the record page it sits on over the page reference', async () => {
            const element = mount({ recordId: ACCOUNT_ID, objectApiName: 'Account' });
            CurrentPageReference.emit({
                type: 'standard__recordPage',
                attributes: { recordId: CONTACT.recordId, objectApiName: 'Contact' }
            });
            await flexPublishes(interaction());
            $(element, 'use-this-record').click();
            await Promise.resolve();
            expect(getRecord.getLastConfig().recordId).toBe(ACCOUNT_ID);
        });

        it('is disabled on pages that show no record', async () => {
            const element = mount();
            await flexPublishes(interaction());
            CurrentPageReference.emit({
                type: 'standard__objectPage',
                attributes: { objectApiName: 'Account' }
            });
            await Promise.resolve();
            expect($(element, 'use-this-record').disabled).toBe(true);
        });
    });

    describe('search', () => {
        it('offers the default objects, Contact first', async () => {
            const element = mount();
            await flexPublishes(interaction());
            const objectType = $(element, 'object-type');
            expect(objectType.options.map((o) => o.value)).toEqual([
                'Contact',
                'Lead',
                'Account',
                'Case',
                'Opportunity'
            ]);
            expect(objectType.value).toBe('Contact');
            expect($(element, 'search').objectApiName).toBe('Contact');
            expect($(element, 'search').label).toBe('c.FlexPicker_Search');
        });

        it("uses the admin's object list, cleaned of blanks, duplicates and invalid names", async () => {
            const element = mount({ objectApiNames: ' Case, Bad Name!, Case,,Invoice__c ' });
            await flexPublishes(interaction());
            expect($(element, 'object-type').options.map((o) => o.value)).toEqual([
                'Case',
                'Invoice__c'
            ]);
        });

        it('switches object type and links the record found', async () => {
            const element = mount();
            await flexPublishes(interaction());
            $(element, 'object-type').dispatchEvent(
                new CustomEvent('change', { detail: { value: 'Lead' } })
            );
            await Promise.resolve();
            expect($(element, 'search').objectApiName).toBe('Lead');

            $(element, 'search').dispatchEvent(
                new CustomEvent('change', { detail: { recordId: LEAD.recordId } })
            );
            await Promise.resolve();
            expect(getRecord.getLastConfig()).toMatchObject({
                recordId: LEAD.recordId,
                optionalFields: ['Lead.Name']
            });
            getRecord.emit({ fields: { Name: { value: 'Ada King' } } });
            await Promise.resolve();
            expect(lastSelection()).toEqual({
                action: 'select',
                recordId: LEAD.recordId,
                objectApiName: 'Lead',
                recordName: 'Ada King',
                taskSid: TASK
            });
        });

        it('does nothing when the search is cleared', async () => {
            const element = mount();
            await flexPublishes(interaction());
            $(element, 'search').dispatchEvent(
                new CustomEvent('change', { detail: { recordId: null } })
            );
            await Promise.resolve();
            expect(publishedSelections().map((m) => m.action)).toEqual(['sync']);
            expect($(element, 'pending')).toBeNull();
        });
    });

    describe('clear', () => {
        it('is disabled while nothing is linked', async () => {
            const element = mount();
            await flexPublishes(interaction());
            expect($(element, 'clear').disabled).toBe(true);
        });

        it('unlinks the record and waits for Flex to confirm', async () => {
            const element = mount();
            await flexPublishes(interaction({ selected: CONTACT }));
            $(element, 'clear').click();
            await Promise.resolve();
            expect(lastSelection()).toEqual({
                action: 'clear',
                recordId: null,
                objectApiName: null,
                recordName: null,
                taskSid: TASK
            });
            expect(text(element, 'pending')).toBe('c.FlexPicker_Pending');
            await flexPublishes(interaction({ selected: CONTACT, status: 'wrapping' }));
            expect(text(element, 'pending')).toBe('c.FlexPicker_Pending');
            await flexPublishes(interaction({ selected: null }));
            expect($(element, 'pending')).toBeNull();
            expect(text(element, 'none-linked')).toBe('c.FlexPicker_NoneLinked');
        });
    });
});
