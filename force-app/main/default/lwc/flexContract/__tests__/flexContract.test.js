import Ajv2020 from 'ajv/dist/2020';
import selectionSchema from '../../../../../../contracts/lms/Flex_Record_Selection__c.schema.json';
import interactionSchema from '../../../../../../contracts/lms/Flex_Interaction__c.schema.json';
import dialSchema from '../../../../../../contracts/lms/Flex_Dial_Request__c.schema.json';
import presenceSchema from '../../../../../../contracts/lms/Flex_Presence__c.schema.json';
import {
    DIAL_REQUEST_FIELDS,
    PRESENCE_FIELDS,
    flexActivityMessage,
    queryFlexActivityMessage,
    setFlexActivityMessage,
    validatePresenceMessage,
    dialRequestMessage,
    validateDialRequest,
    INTERACTION_FIELDS,
    SELECTION_FIELDS,
    STANDARD_KEY_PREFIXES,
    clearMessage,
    idChecksum,
    isSalesforceId,
    prefixProblem,
    sameRecordId,
    selectMessage,
    syncMessage,
    toId18,
    validateInteractionMessage,
    validateSelectionMessage
} from 'c/flexContract';

const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
const schemaAcceptsSelection = ajv.compile(selectionSchema);
const schemaAcceptsInteraction = ajv.compile(interactionSchema);
const schemaAcceptsDial = ajv.compile(dialSchema);
const schemaAcceptsPresence = ajv.compile(presenceSchema);

const TASK = 'WT0123456789abcdef0123456789abcdef';
const CONTACT_ID = '003000000000001AAA';
const ACCOUNT_ID = '001000000000001AAA';
const CUSTOM_ID = 'a0B000000000001AAA';

/** Variants of a valid message: each field set to values the contract allows or forbids. */
function mutations(example, probes) {
    const variants = [];
    for (const field of Object.keys(example)) {
        for (const value of probes) {
            variants.push({ ...example, [field]: value });
        }
        const withoutField = { ...example };
        delete withoutField[field];
        variants.push(withoutField);
    }
    variants.push({ ...example, extra: 'field' });
    return variants;
}

const PROBES = [
    null,
    '',
    'select',
    'clear',
    'sync',
    'accepted',
    'inbound',
    'voice',
    TASK,
    'WT0123',
    CONTACT_ID,
    '003000000000001',
    '003000000000001ZZZ',
    ACCOUNT_ID,
    CUSTOM_ID,
    'Contact',
    'Account',
    'My_Object__c',
    'constructor',
    '1Contact',
    'x'.repeat(256),
    42,
    true,
    [],
    [{ recordId: CONTACT_ID, objectApiName: 'Contact', name: 'Ada' }],
    [{ recordId: 'bad', objectApiName: 'Contact', name: 'Ada' }],
    [{ recordId: ACCOUNT_ID, objectApiName: 'Contact', name: 'Ada' }],
    [{ recordId: CONTACT_ID, objectApiName: 'My_Object__c', name: 'Ada' }],
    { recordId: ACCOUNT_ID, objectApiName: 'Contact', name: null },
    { recordId: CONTACT_ID, objectApiName: 'Contact', name: null },
    { recordId: CONTACT_ID, objectApiName: 'Contact' },
    { code: 'INVALID_RECORD_ID', message: 'checksum' },
    { code: 'lower', message: 'x' },
    {}
];

describe('Salesforce IDs', () => {
    it('computes the checksum Salesforce documents for a known ID', () => {
        expect(idChecksum('001D000000IqhSL')).toBe('IAZ');
        expect(toId18('001D000000IqhSL')).toBe('001D000000IqhSLIAZ');
        expect(toId18('001D000000IqhSLIAZ')).toBe('001D000000IqhSLIAZ');
    });

    it.each([
        ['001D000000IqhSL', true],
        ['001D000000IqhSLIAZ', true],
        ['001D000000IqhSLIAA', false],
        ['001d000000IqhSLIAZ', false],
        ['001D000000IqhS', false],
        ['001D000000IqhSLIA', false],
        ['001D000000Iqh-L', false],
        [null, false],
        [15, false]
    ])('isSalesforceId(%p) is %p', (id, expected) => {
        expect(isSalesforceId(id)).toBe(expected);
    });

    it('treats the 15- and 18-character forms of one record as the same record', () => {
        expect(sameRecordId('001D000000IqhSL', '001D000000IqhSLIAZ')).toBe(true);
        expect(sameRecordId('001D000000IqhSL', '001d000000IqhSL')).toBe(false);
        expect(sameRecordId(null, '001D000000IqhSL')).toBe(false);
    });
});

describe('key prefixes', () => {
    it.each([
        [ACCOUNT_ID, 'Account', null],
        [CONTACT_ID, 'Contact', null],
        ['00Q000000000001EAA', 'Lead', null],
        ['500000000000001AAA', 'Case', null],
        ['006000000000001AAA', 'Opportunity', null],
        ['005000000000001AAA', 'User', null],
        ['00T000000000001EAA', 'Task', null],
        [CUSTOM_ID, 'My_Object__c', null],
        [CUSTOM_ID, 'constructor', null],
        [ACCOUNT_ID, 'Contact', 'is not a Contact ID (Contact IDs start with 003)'],
        [CONTACT_ID, 'Lead', 'is not a Lead ID (Lead IDs start with 00Q)'],
        [CUSTOM_ID, 'Account', 'is not an Account ID (Account IDs start with 001)'],
        ['00T000000000001EAA', 'Case', 'is not a Case ID (Case IDs start with 500)'],
        [ACCOUNT_ID, 'My_Object__c', 'is an Account ID, not a My_Object__c ID'],
        [CONTACT_ID, 'toString', 'is a Contact ID, not a toString ID']
    ])('%s as %s: %p', (recordId, objectApiName, problem) => {
        expect(prefixProblem(recordId, objectApiName)).toBe(problem);
    });

    /** The prefix rules a schema states, as {objectApiName: prefix}. */
    function schemaPrefixes(rules) {
        return Object.fromEntries(
            rules
                .filter((rule) => rule.if?.properties?.objectApiName?.const)
                .map((rule) => [
                    rule.if.properties.objectApiName.const,
                    rule.then.properties.recordId.pattern.replace('^', '')
                ])
        );
    }

    it('are the ones both schemas state', () => {
        expect(schemaPrefixes(selectionSchema.allOf)).toEqual(STANDARD_KEY_PREFIXES);
        expect(schemaPrefixes(interactionSchema.$defs.record.allOf)).toEqual(STANDARD_KEY_PREFIXES);
    });
});

describe('field lists', () => {
    it('name exactly the fields of each schema, in order', () => {
        expect([...SELECTION_FIELDS]).toEqual(Object.keys(selectionSchema.properties));
        expect([...SELECTION_FIELDS]).toEqual(selectionSchema.required);
        expect([...INTERACTION_FIELDS]).toEqual(Object.keys(interactionSchema.properties));
        expect([...INTERACTION_FIELDS]).toEqual(interactionSchema.required);
        expect([...DIAL_REQUEST_FIELDS]).toEqual(Object.keys(dialSchema.properties));
        expect([...DIAL_REQUEST_FIELDS]).toEqual(dialSchema.required);
        expect([...PRESENCE_FIELDS]).toEqual(Object.keys(presenceSchema.properties));
        expect([...PRESENCE_FIELDS]).toEqual(presenceSchema.required);
    });
});

describe('Flex_Record_Selection__c', () => {
    it('accepts every schema example', () => {
        selectionSchema.examples.forEach((example) => {
            expect(validateSelectionMessage(example)).toEqual({ ok: true, value: example });
        });
    });

    it('builds messages the schema accepts', () => {
        const built = [
            selectMessage({
                recordId: CONTACT_ID,
                objectApiName: 'Contact',
                recordName: 'Ada',
                taskSid: TASK
            }),
            selectMessage({ recordId: CONTACT_ID, objectApiName: 'Contact' }),
            selectMessage({
                recordId: CONTACT_ID,
                objectApiName: 'Contact',
                recordName: 'y'.repeat(300)
            }),
            clearMessage(TASK),
            clearMessage(null),
            syncMessage()
        ];
        built.forEach((message) => {
            expect(schemaAcceptsSelection(message)).toBe(true);
            expect(validateSelectionMessage(message).ok).toBe(true);
        });
        expect(built[2].recordName).toHaveLength(255);
    });

    it('agrees with the schema on every mutation of every example', () => {
        const variants = selectionSchema.examples.flatMap((example) => mutations(example, PROBES));
        expect(variants.length).toBeGreaterThan(400);
        variants.forEach((variant) => {
            const bySchema = schemaAcceptsSelection(variant);
            const byCode = validateSelectionMessage(variant).ok;
            // The code also checks the 18-character checksum, which a schema cannot express.
            const checksumOnly =
                bySchema &&
                typeof variant.recordId === 'string' &&
                !isSalesforceId(variant.recordId);
            expect({ variant, accepted: byCode }).toEqual({
                variant,
                accepted: bySchema && !checksumOnly
            });
        });
    });

    it.each([
        [{ ...syncMessage(), action: 'delete' }, 'action is not select, clear or sync'],
        [
            { ...syncMessage(), recordId: CONTACT_ID },
            'recordId, objectApiName and recordName must be null for sync'
        ],
        [
            { ...clearMessage(TASK), recordId: CONTACT_ID, objectApiName: 'Contact' },
            'recordId, objectApiName and recordName must be null for clear'
        ],
        [{ ...syncMessage(), sneaky: 1 }, 'unknown field sneaky'],
        [
            { ...selectMessage({ recordId: CONTACT_ID, objectApiName: '1Contact' }) },
            'objectApiName is not an object API name'
        ],
        ['select', 'message is not an object']
    ])('explains why %j is refused (INVALID_MESSAGE)', (message, reason) => {
        expect(validateSelectionMessage(message)).toEqual({
            ok: false,
            error: reason,
            code: 'INVALID_MESSAGE'
        });
    });

    it.each([
        [
            selectMessage({ recordId: '003000000000001ZZZ', objectApiName: 'Contact' }),
            'recordId is not a valid Salesforce ID'
        ],
        [
            selectMessage({ recordId: ACCOUNT_ID, objectApiName: 'Contact' }),
            'recordId is not a Contact ID (Contact IDs start with 003)'
        ],
        [
            selectMessage({ recordId: CONTACT_ID, objectApiName: 'My_Object__c' }),
            'recordId is a Contact ID, not a My_Object__c ID'
        ]
    ])('explains why %j is refused (INVALID_RECORD_ID)', (message, reason) => {
        expect(validateSelectionMessage(message)).toEqual({
            ok: false,
            error: reason,
            code: 'INVALID_RECORD_ID'
        });
    });
});

describe('Flex_Interaction__c', () => {
    it('accepts every schema example', () => {
        interactionSchema.examples.forEach((example) => {
            expect(validateInteractionMessage(example)).toEqual({ ok: true, value: example });
        });
    });

    it('agrees with the schema on every mutation of every example', () => {
        const variants = interactionSchema.examples.flatMap((example) =>
            mutations(example, PROBES)
        );
        variants.push({
            ...interactionSchema.examples[0],
            candidates: Array.from({ length: 201 }, () => ({
                recordId: CONTACT_ID,
                objectApiName: 'Contact',
                name: null
            }))
        });
        variants.forEach((variant) => {
            const bySchema = schemaAcceptsInteraction(variant);
            const ids = [
                variant.selected?.recordId,
                ...(Array.isArray(variant.candidates) ? variant.candidates : []).map(
                    (c) => c?.recordId
                )
            ];
            const checksumOnly =
                bySchema && ids.some((id) => typeof id === 'string' && !isSalesforceId(id));
            expect({ variant, accepted: validateInteractionMessage(variant).ok }).toEqual({
                variant,
                accepted: bySchema && !checksumOnly
            });
        });
    });

    it('names the first problem it finds', () => {
        const [example] = interactionSchema.examples;
        expect(validateInteractionMessage({ ...example, status: 'ringing' })).toEqual({
            ok: false,
            error: 'status is not a known status'
        });
        expect(
            validateInteractionMessage({
                ...example,
                candidates: [
                    { recordId: '003000000000001ZZZ', objectApiName: 'Contact', name: 'x' }
                ]
            })
        ).toEqual({ ok: false, error: 'candidates[0].recordId is not a valid Salesforce ID' });
        expect(
            validateInteractionMessage({
                ...example,
                selected: { recordId: ACCOUNT_ID, objectApiName: 'Contact', name: 'x' }
            })
        ).toEqual({
            ok: false,
            error: 'selected.recordId is not a Contact ID (Contact IDs start with 003)'
        });
    });
});

describe('Flex_Dial_Request__c', () => {
    const DIAL_PROBES = [...PROBES, '+1 (415) 555-0123', '12', '555-0123; DROP', '4'.repeat(41)];

    it('accepts every schema example, and builds messages the schema accepts', () => {
        dialSchema.examples.forEach((example) => {
            expect(validateDialRequest(example)).toEqual({ ok: true, value: example });
        });
        const built = [
            dialRequestMessage({
                phoneNumber: '+14155550123',
                recordId: CONTACT_ID,
                objectApiName: 'Contact',
                recordName: 'z'.repeat(300)
            }),
            dialRequestMessage({ phoneNumber: '(212) 555-0142' }),
            dialRequestMessage({
                phoneNumber: '555 0100',
                objectApiName: 'Contact',
                recordName: 'x'
            })
        ];
        built.forEach((message) => {
            expect(schemaAcceptsDial(message)).toBe(true);
            expect(validateDialRequest(message).ok).toBe(true);
        });
        expect(built[0].recordName).toHaveLength(255);
        expect(built[2]).toEqual({
            phoneNumber: '555 0100',
            recordId: null,
            objectApiName: null,
            recordName: null
        });
    });

    it('agrees with the schema on every mutation of every example', () => {
        const variants = dialSchema.examples.flatMap((example) => mutations(example, DIAL_PROBES));
        expect(variants.length).toBeGreaterThan(400);
        variants.forEach((variant) => {
            const bySchema = schemaAcceptsDial(variant);
            const checksumOnly =
                bySchema &&
                typeof variant.recordId === 'string' &&
                !isSalesforceId(variant.recordId);
            expect({ variant, accepted: validateDialRequest(variant).ok }).toEqual({
                variant,
                accepted: bySchema && !checksumOnly
            });
        });
    });

    it.each([
        [
            { ...dialSchema.examples[2], phoneNumber: 'call me' },
            'phoneNumber is not a phone number'
        ],
        [
            { ...dialSchema.examples[2], recordName: 'Ada' },
            'objectApiName and recordName must be null without a recordId'
        ],
        [
            { ...dialSchema.examples[0], recordId: '003000000000001ZZZ' },
            'recordId is not a valid Salesforce ID'
        ],
        [
            { ...dialSchema.examples[0], recordId: '001000000000001AAA' },
            'recordId is not a Contact ID (Contact IDs start with 003)'
        ],
        [
            { ...dialSchema.examples[0], recordId: toId18('005000000000001') },
            'recordId is not a Contact ID (Contact IDs start with 003)'
        ],
        [
            { ...dialSchema.examples[0], objectApiName: 'Invoice__c' },
            'recordId is a Contact ID, not an Invoice__c ID'
        ]
    ])('explains why %j is refused', (message, reason) => {
        expect(validateDialRequest(message)).toEqual({ ok: false, error: reason });
    });
});

describe('Flex_Presence__c', () => {
    const PRESENCE_PROBES = [
        ...PROBES,
        'flexActivity',
        'setFlexActivity',
        'queryFlexActivity',
        'agent',
        'current',
        'Available',
        'Break',
        'On a call \u{1F4DE}',
        'y'.repeat(64),
        'y'.repeat(65),
        '\u{1F4DE}'.repeat(64),
        'line\nbreak',
        'bell\u0007',
        'del\u007f'
    ];

    it('accepts every schema example, and builds messages the schema accepts', () => {
        presenceSchema.examples.forEach((example) => {
            expect(validatePresenceMessage(example)).toEqual({ ok: true, value: example });
        });
        const built = [
            flexActivityMessage('Break', 'agent'),
            setFlexActivityMessage('Available', 'Break'),
            setFlexActivityMessage('Available', null),
            queryFlexActivityMessage()
        ];
        built.forEach((message) => {
            expect(schemaAcceptsPresence(message)).toBe(true);
            expect(validatePresenceMessage(message).ok).toBe(true);
        });
    });

    it('agrees with the schema on every mutation of every example', () => {
        const variants = presenceSchema.examples.flatMap((example) =>
            mutations(example, PRESENCE_PROBES)
        );
        expect(variants.length).toBeGreaterThan(800);
        variants.forEach((variant) => {
            expect({ variant, accepted: validatePresenceMessage(variant).ok }).toEqual({
                variant,
                accepted: schemaAcceptsPresence(variant)
            });
        });
    });

    it.each([
        [
            { ...presenceSchema.examples[0], type: 'status' },
            'type must be one of flexActivity, setFlexActivity, queryFlexActivity'
        ],
        [
            { ...presenceSchema.examples[0], cause: null },
            'cause must be one of agent, sync, current in flexActivity'
        ],
        [
            { ...presenceSchema.examples[3], activity: '' },
            'activity is not a Flex activity name (1 to 64 characters, no control characters)'
        ],
        [
            { ...presenceSchema.examples[3], cause: 'agent' },
            'cause must be null in setFlexActivity'
        ],
        [
            { ...presenceSchema.examples[5], activity: 'Break' },
            'activity, cause and basedOn must be null in queryFlexActivity'
        ]
    ])('explains why %j is refused', (message, reason) => {
        expect(validatePresenceMessage(message)).toEqual({ ok: false, error: reason });
    });
});
