/* Test data shared by Call with Flex's tests (jest.config.cjs runs *.test.js only). */

/** A Contact's describe as getObjectInfo answers: a name field and two phone fields. */
export const CONTACT_INFO = {
    apiName: 'Contact',
    nameFields: ['Name'],
    fields: {
        Name: { apiName: 'Name', label: 'Full Name', dataType: 'String' },
        Phone: { apiName: 'Phone', label: 'Business Phone', dataType: 'Phone' },
        MobilePhone: { apiName: 'MobilePhone', label: 'Mobile', dataType: 'Phone' }
    }
};

/** A record as getRecord answers, from field values. */
export const recordOf = (fields, id = '003000000000001AAA') => ({
    id,
    apiName: 'Contact',
    fields: Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, { value }]))
});
