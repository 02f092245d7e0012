import { LOGGED_OUT, buildMapping } from '../presenceMapping';

const AVAILABLE_ID = '0N5000000000001CAA';
const BREAK_ID = '0N5000000000002CAA';

function row(overrides) {
    return {
        name: 'Available',
        flexActivity: 'Available',
        omniStatus: 'Available',
        omniLoggedOut: false,
        direction: 'Both',
        omniStatusId: AVAILABLE_ID,
        ...overrides
    };
}

describe('the presence mapping', () => {
    it('maps both ways, logged out included', () => {
        const mapping = buildMapping([
            row(),
            row({
                name: 'Break',
                flexActivity: 'Break',
                omniStatus: 'Break',
                omniStatusId: BREAK_ID
            }),
            row({
                name: 'Offline',
                flexActivity: 'Offline',
                omniStatus: null,
                omniLoggedOut: true,
                omniStatusId: null
            })
        ]);
        expect(mapping.problems).toEqual([]);
        expect([...mapping.toOmni]).toEqual([
            ['Available', { key: 'Available', statusId: AVAILABLE_ID }],
            ['Break', { key: 'Break', statusId: BREAK_ID }],
            ['Offline', { key: LOGGED_OUT, statusId: null }]
        ]);
        expect([...mapping.toFlex]).toEqual([
            ['Available', 'Available'],
            ['Break', 'Break'],
            [LOGGED_OUT, 'Offline']
        ]);
    });

    it('keeps a one-way row to its direction', () => {
        const mapping = buildMapping([
            row({
                name: 'Lunch',
                flexActivity: 'Lunch',
                omniStatus: 'Break',
                omniStatusId: BREAK_ID,
                direction: 'Flex_To_Omni'
            }),
            row({
                name: 'Busy',
                flexActivity: 'Unavailable',
                omniStatus: 'Busy',
                omniStatusId: null,
                direction: 'Omni_To_Flex'
            })
        ]);
        expect(mapping.problems).toEqual([]);
        expect([...mapping.toOmni.keys()]).toEqual(['Lunch']);
        expect([...mapping.toFlex]).toEqual([['Busy', 'Unavailable']]);
    });

    it('uses the first of two rows for the same state, and says so', () => {
        const mapping = buildMapping([
            row({ name: 'A' }),
            row({ name: 'B', omniStatus: 'Break', omniStatusId: BREAK_ID }),
            row({ name: 'C', flexActivity: 'Ready' })
        ]);
        expect(mapping.toOmni.get('Available')).toEqual({
            key: 'Available',
            statusId: AVAILABLE_ID
        });
        expect(mapping.toFlex.get('Available')).toBe('Available');
        expect(mapping.toFlex.get('Break')).toBe('Available');
        expect(mapping.problems).toEqual([
            'Mapping B: Flex activity Available is mapped twice; the first mapping is used.',
            'Mapping C: Omni-Channel Available is mapped twice; the first mapping is used.'
        ]);
    });

    it.each([
        [{ flexActivity: '' }, 'Mapping X: the Flex activity is missing or too long.'],
        [{ flexActivity: 'a'.repeat(65) }, 'Mapping X: the Flex activity is missing or too long.'],
        [
            { omniLoggedOut: true },
            'Mapping X: give an Omni-Channel status API name, or tick Logged Out of Omni-Channel (not both).'
        ],
        [
            { omniStatus: '' },
            'Mapping X: give an Omni-Channel status API name, or tick Logged Out of Omni-Channel (not both).'
        ],
        [{ omniStatus: 'Not a name' }, 'Mapping X: Not a name is not a status API name.'],
        [{ direction: 'Sideways' }, 'Mapping X: Sideways is not a direction.']
    ])('leaves out a row with %j, naming the problem', (overrides, problem) => {
        const mapping = buildMapping([row({ name: 'X', ...overrides })]);
        expect(mapping.problems).toEqual([problem]);
        expect(mapping.toOmni.size + mapping.toFlex.size).toBe(0);
    });

    it('maps a status the org does not have only towards Flex', () => {
        const mapping = buildMapping([row({ omniStatusId: null })]);
        expect(mapping.toOmni.size).toBe(0);
        expect(mapping.toFlex.get('Available')).toBe('Available');
        expect(mapping.problems).toEqual([
            'Mapping Available: there is no Omni-Channel status Available, so Available in Flex changes nothing in Salesforce.'
        ]);
    });

    it("uses the package's examples only while the org has no mapping of its own", () => {
        const examples = [
            row({ example: true }),
            row({
                name: 'Break',
                flexActivity: 'Break',
                omniStatus: 'Break',
                omniStatusId: BREAK_ID,
                example: true
            })
        ];
        expect([...buildMapping(examples).toOmni.keys()]).toEqual(['Available', 'Break']);
        const mapping = buildMapping([
            ...examples,
            row({ name: 'Ready', omniStatus: 'Available_for_Cases', example: false })
        ]);
        expect([...mapping.toOmni.keys()]).toEqual(['Available']);
        expect([...mapping.toFlex]).toEqual([['Available_for_Cases', 'Available']]);
        expect(mapping.problems).toEqual([]);
    });

    it('survives rows of any shape', () => {
        expect(buildMapping(null).problems).toEqual(['The presence mapping could not be read.']);
        const mapping = buildMapping([null, 42, { direction: 7 }]);
        expect(mapping.problems).toHaveLength(3);
        expect(mapping.problems[0]).toBe(
            'Mapping (unnamed): the Flex activity is missing or too long.'
        );
    });
});
