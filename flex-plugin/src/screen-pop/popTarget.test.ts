import { DEFAULT_SEARCH_ATTRIBUTES } from '../config/integrationConfig';
import { choosePopTarget } from './popTarget';
import { linkedRecordOf } from '../transports/salesforce/recordLink';
import { toCandidates } from '../transports/salesforce/searchResults';

const order = DEFAULT_SEARCH_ATTRIBUTES;

describe('choosePopTarget', () => {
    test.each([
        [
            { sfdcObjectId: '003000000000001AAA', name: 'Ada' },
            { kind: 'record', recordId: '003000000000001AAA' }
        ],
        [
            { sfdcObjectId: '003000000000001', from: '+1' },
            { kind: 'record', recordId: '003000000000001' }
        ],
        [
            { sfdcObjectId: '003000000000001AAB', from: '+14155550100' },
            {
                kind: 'search',
                searchString: '+14155550100',
                attribute: 'from',
                phone: '+14155550100'
            }
        ],
        [
            { sfdcObjectId: '001000000000001AAA', sfdcObjectType: 'Contact', from: '+14155550100' },
            {
                kind: 'search',
                searchString: '+14155550100',
                attribute: 'from',
                phone: '+14155550100'
            }
        ],
        [
            { sfdcSearchString: '00001026', name: 'Ada', from: '+14155550100' },
            {
                kind: 'search',
                searchString: '00001026',
                attribute: 'sfdcSearchString',
                phone: '+14155550100'
            }
        ],
        [
            { name: '  Ada Lovelace ', from: 'client:ada' },
            { kind: 'search', searchString: 'Ada Lovelace', attribute: 'name', phone: null }
        ],
        [
            { name: '', identity: 'ada@example.com' },
            { kind: 'search', searchString: 'ada@example.com', attribute: 'identity', phone: null }
        ],
        [
            { customerAddress: '+447700900123' },
            {
                kind: 'search',
                searchString: '+447700900123',
                attribute: 'customerAddress',
                phone: null
            }
        ],
        [{ name: 42, from: null }, { kind: 'none' }],
        [{}, { kind: 'none' }]
    ])('%j → %j', (attributes, target) => {
        expect(choosePopTarget(attributes, order, linkedRecordOf(attributes))).toEqual(target);
    });

    test('the configured order wins', () => {
        expect(
            choosePopTarget({ name: 'Ada', caseNumber: '00001026' }, ['caseNumber', 'name'], null)
        ).toMatchObject({
            searchString: '00001026'
        });
    });

    test('search text is capped', () => {
        const target = choosePopTarget({ name: 'x'.repeat(1000) }, order, null);
        expect(target.kind === 'search' && target.searchString.length).toBe(255);
    });
});

describe('toCandidates', () => {
    test('reads the documented map and keeps its order', () => {
        expect(
            toCandidates({
                '003000000000001AAA': {
                    Id: '003000000000001AAA',
                    Name: 'Ada',
                    RecordType: 'Contact'
                },
                '500000000000001AAA': {
                    Id: '500000000000001AAA',
                    CaseNumber: '00001026',
                    RecordType: 'Case'
                }
            })
        ).toEqual([
            { recordId: '003000000000001AAA', objectApiName: 'Contact', name: 'Ada' },
            { recordId: '500000000000001AAA', objectApiName: 'Case', name: '00001026' }
        ]);
    });

    test('a person account becomes its person contact', () => {
        expect(
            toCandidates({
                '001000000000001AAA': {
                    Id: '001000000000001AAA',
                    Name: 'Grace Hopper',
                    RecordType: 'Account',
                    IsPersonAccount: true,
                    PersonContactId: '003000000000002AAA'
                }
            })
        ).toEqual([
            { recordId: '003000000000002AAA', objectApiName: 'Contact', name: 'Grace Hopper' }
        ]);
    });

    test('an entry whose ID contradicts its object is dropped, and so is such a person contact', () => {
        expect(
            toCandidates({
                '001000000000001AAA': { Name: 'Not a contact', RecordType: 'Contact' },
                '500000000000001AAA': {
                    Id: '003000000000001AAA',
                    Name: 'Id says contact, type says case',
                    RecordType: 'Case'
                },
                '001000000000002AAA': {
                    Id: '001000000000002AAA',
                    Name: 'Grace Hopper',
                    RecordType: 'Account',
                    IsPersonAccount: true,
                    PersonContactId: '001000000000003AAA'
                },
                '00Q000000000001EAA': { Name: 'Ada King', RecordType: 'Lead' }
            })
        ).toEqual([
            { recordId: '001000000000002AAA', objectApiName: 'Account', name: 'Grace Hopper' },
            { recordId: '00Q000000000001EAA', objectApiName: 'Lead', name: 'Ada King' }
        ]);
    });

    test('bad entries are dropped, duplicates (15 vs 18 chars) kept once', () => {
        expect(
            toCandidates({
                bad1: { Id: 'nope', RecordType: 'Contact' },
                bad2: { Id: '003000000000001AAB', RecordType: 'Contact' },
                bad3: { Id: '003000000000001AAA', RecordType: 'Contact; DROP' },
                bad4: 'string',
                '003000000000001AAA': { Id: '003000000000001AAA', RecordType: 'Contact' },
                dup: { Id: '003000000000001', RecordType: 'Contact' }
            })
        ).toEqual([{ recordId: '003000000000001AAA', objectApiName: 'Contact', name: null }]);
    });

    test.each([null, undefined, [], 'x', 3])('%j gives no candidates', (results) => {
        expect(toCandidates(results)).toEqual([]);
    });

    test('at most 200 candidates', () => {
        const many: Record<string, unknown> = {};
        for (let i = 0; i < 300; i++) {
            const id15 = `003${String(i).padStart(12, '0')}`;
            many[id15] = { Id: id15, RecordType: 'Contact' };
        }
        expect(toCandidates(many)).toHaveLength(200);
    });
});
