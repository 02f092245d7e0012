import { createElement } from 'lwc';
import Ajv2020 from 'ajv/dist/2020';
import FlexCallButton from 'c/flexCallButton';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { getRecord } from 'lightning/uiRecordApi';
import { publish, resetSubscribers } from 'lightning/messageService';
import dialSchema from '../../../../../../contracts/lms/Flex_Dial_Request__c.schema.json';
import { CONTACT_INFO, recordOf } from './fixtures';

jest.mock('@salesforce/label/c.FlexCall_Button', () => ({ default: 'Call {0}: {1}' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.FlexCall_Asked', () => ({ default: 'Asked Flex to call {0}.' }), {
    virtual: true
});

const DIAL = 'Flex_Dial_Request__c';
const CONTACT_ID = '003000000000001AAA';
const ADA = recordOf(
    { Name: 'Ada Lovelace', Phone: '+1 (415) 555-0123', MobilePhone: '+44 20 7946 0000' },
    CONTACT_ID
);
const isValidDial = new Ajv2020({ strictTypes: false }).compile(dialSchema);

async function mount(record = ADA) {
    const element = createElement('c-flex-call-button', { is: FlexCallButton });
    element.recordId = CONTACT_ID;
    element.objectApiName = 'Contact';
    document.body.appendChild(element);
    getObjectInfo.emit(CONTACT_INFO);
    await Promise.resolve();
    getRecord.emit(record);
    await Promise.resolve();
    return element;
}

const buttons = (element) => [...element.shadowRoot.querySelectorAll('lightning-button')];

describe('c-flex-call-button: Call with Flex on a record page', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
        resetSubscribers();
    });

    it("offers the record's phone numbers, read with the fields the object describes", async () => {
        const element = await mount();
        expect(buttons(element).map((button) => button.label)).toEqual([
            'Call Business Phone: +1 (415) 555-0123',
            'Call Mobile: +44 20 7946 0000'
        ]);
        expect(getRecord.getLastConfig()).toEqual({
            recordId: CONTACT_ID,
            optionalFields: ['Contact.Phone', 'Contact.MobilePhone', 'Contact.Name']
        });
        await expect(element).toBeAccessible();
    });

    it('asks the softphone to call the chosen number with the record, as the contract says', async () => {
        const element = await mount();
        buttons(element)[1].click();
        await Promise.resolve();
        const sent = publish.mock.calls.filter(([, channel]) => channel === DIAL);
        expect(sent.map(([, , message]) => message)).toEqual([
            {
                phoneNumber: '+44 20 7946 0000',
                recordId: CONTACT_ID,
                objectApiName: 'Contact',
                recordName: 'Ada Lovelace'
            }
        ]);
        expect(isValidDial(sent[0][2])).toBe(true);
        expect(element.shadowRoot.querySelector('[role="status"]').textContent).toBe(
            'Asked Flex to call +44 20 7946 0000.'
        );
    });

    it('says so when the record has no number to call', async () => {
        const element = await mount(recordOf({ Name: 'Ada', Phone: null }, CONTACT_ID));
        expect(buttons(element)).toHaveLength(0);
        expect(element.shadowRoot.querySelector('p').textContent).toBe('c.FlexCall_NoNumbers');
        expect(publish).not.toHaveBeenCalled();
    });
});
