// searchAndScreenPop's search over the fixtures: phone numbers by their last ten digits whatever the
// formatting, names by substring, and only objects a softphone layout can return.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IDS, createFixtures } from './fixtures.ts';
import { saveLog } from './saveLog.ts';
import { searchRecords, toSearchResultMap } from './search.ts';

const idsFor = (query: string, records = createFixtures()) =>
    searchRecords(records, query)
        .map((record) => record.Id)
        .sort();

describe('sandbox search', () => {
    it('finds a phone number however it is written', () => {
        const shared = [IDS.adaContact, IDS.adaLead, IDS.analyticalEngines].sort();
        for (const query of ['+14155550123', '4155550123', '(415) 555-0123', '+1 415.555.0123']) {
            assert.deepEqual(idsFor(query), shared, query);
        }
        assert.deepEqual(idsFor('650-555-0199'), [IDS.lindaLead]);
        assert.deepEqual(idsFor('+44 20 7946 0958'), [IDS.graceContact], 'a second phone field');
    });

    it('finds names case-insensitively and ignores queries shorter than two characters', () => {
        assert.deepEqual(idsFor('ada'), [IDS.adaContact, IDS.adaLead].sort());
        assert.deepEqual(idsFor('renewal'), [IDS.opportunityRenewal]);
        assert.deepEqual(idsFor('a'), []);
        assert.deepEqual(idsFor('   '), []);
    });

    it('never returns Tasks', () => {
        const records = createFixtures();
        saveLog(records, { entityApiName: 'Task', Subject: 'Ada called' });
        assert.deepEqual(idsFor('Ada', records), [IDS.adaContact, IDS.adaLead].sort());
    });

    it('answers in the documented map shape', () => {
        const records = createFixtures().filter((record) =>
            [IDS.lindaLead, IDS.katherinePersonAccount].includes(record.Id as never)
        );
        assert.deepEqual(toSearchResultMap(records), {
            [IDS.lindaLead]: { Id: IDS.lindaLead, Name: 'Linda Keen', RecordType: 'Lead' },
            [IDS.katherinePersonAccount]: {
                Id: IDS.katherinePersonAccount,
                Name: 'Katherine Johnson',
                RecordType: 'Account',
                IsPersonAccount: true,
                PersonContactId: IDS.katherinePersonContact
            }
        });
    });
});
