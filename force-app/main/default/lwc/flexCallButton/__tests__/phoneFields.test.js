import { CONTACT_INFO as CONTACT_FIXTURE, recordOf } from './fixtures';
import { fieldsToRead, phoneChoices, recordNameOf, MAX_PHONE_FIELDS } from '../phoneFields';

const CONTACT_INFO = {
    ...CONTACT_FIXTURE,
    fields: {
        ...CONTACT_FIXTURE.fields,
        HomePhone: { apiName: 'HomePhone', label: 'Home Phone', dataType: 'Phone' },
        Email: { apiName: 'Email', label: 'Email', dataType: 'Email' }
    }
};
const record = (fields) => recordOf(fields);

describe('the numbers Call with Flex offers', () => {
    it('reads the phone fields and the name field of the object', () => {
        expect(fieldsToRead(CONTACT_INFO)).toEqual([
            'Contact.Phone',
            'Contact.HomePhone',
            'Contact.MobilePhone',
            'Contact.Name'
        ]);
        expect(fieldsToRead(null)).toEqual([]);
        expect(fieldsToRead({ apiName: 'Custom__c', fields: {} })).toEqual([]);
    });

    it('offers each phone field that holds a callable number, in label order', () => {
        const choices = phoneChoices(
            CONTACT_INFO,
            record({
                Name: 'Ada Lovelace',
                Phone: '+1 (415) 555-0123',
                MobilePhone: 'ask reception',
                HomePhone: null
            })
        );
        expect(choices).toEqual([
            { field: 'Phone', label: 'Business Phone', number: '+1 (415) 555-0123' }
        ]);
        expect(phoneChoices(CONTACT_INFO, null)).toEqual([]);
    });

    it('names the record for Flex when the object has a name field', () => {
        expect(recordNameOf(CONTACT_INFO, record({ Name: 'Ada Lovelace' }))).toBe('Ada Lovelace');
        expect(recordNameOf({ ...CONTACT_INFO, nameFields: [] }, record({ Name: 'x' }))).toBeNull();
        expect(recordNameOf(CONTACT_INFO, record({ Name: '' }))).toBeNull();
    });

    it('offers at most ten fields', () => {
        const fields = Object.fromEntries(
            Array.from({ length: 12 }, (_, i) => [
                `P${i}__c`,
                {
                    apiName: `P${i}__c`,
                    label: `Phone ${String(i).padStart(2, '0')}`,
                    dataType: 'Phone'
                }
            ])
        );
        const info = { apiName: 'Thing__c', nameFields: [], fields };
        expect(fieldsToRead(info)).toHaveLength(MAX_PHONE_FIELDS);
    });
});
