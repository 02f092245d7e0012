// saveLog as Salesforce checks a Task: known fields only, WhoId a Contact or Lead, WhatId anything
// else, real and existing Ids, update by Id; errors as {code, description, details}.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { IDS, createFixtures, type SandboxRecord } from './fixtures.ts';
import { saveLog } from './saveLog.ts';

const task = (fields: Record<string, unknown>) => ({ entityApiName: 'Task', ...fields });

describe('sandbox saveLog', () => {
    let records: SandboxRecord[];
    beforeEach(() => {
        records = createFixtures();
    });

    it('creates a Task with an 18-character 00T Id and the given fields', () => {
        const result = saveLog(
            records,
            task({
                Subject: 'Inbound call',
                CallDurationInSeconds: 42,
                WhoId: IDS.adaContact,
                WhatId: IDS.caseBrokenEngine
            })
        );
        assert.ok(result.ok);
        assert.equal(result.created, true);
        assert.match(result.record.Id, /^00T[0-9A-Za-z]{15}$/);
        assert.deepEqual(result.record.fields, {
            Subject: 'Inbound call',
            CallDurationInSeconds: '42',
            WhoId: IDS.adaContact,
            WhatId: IDS.caseBrokenEngine
        });
        assert.equal(records.at(-1), result.record);
    });

    it('updates a Task by Id (15 or 18 characters) without creating another', () => {
        const created = saveLog(records, task({ Subject: 'Call' }));
        assert.ok(created.ok);
        const count = records.length;
        const updated = saveLog(records, {
            Id: created.record.Id.slice(0, 15),
            Description: 'Summary from copilot'
        });
        assert.ok(updated.ok);
        assert.equal(updated.created, false);
        assert.equal(records.length, count);
        assert.equal(created.record.fields.Description, 'Summary from copilot');
    });

    const refusals: [string, Record<string, unknown>, string, string | undefined][] = [
        ['an unknown field', task({ Mood: 'happy' }), 'GENERIC_ERROR', 'INVALID_FIELD'],
        ['no entityApiName', { Subject: 'x' }, 'INVALID_PARAM', undefined],
        [
            'an Account as WhoId',
            task({ WhoId: IDS.analyticalEngines }),
            'GENERIC_ERROR',
            'FIELD_INTEGRITY_EXCEPTION'
        ],
        [
            'a Lead as WhatId',
            task({ WhatId: IDS.adaLead }),
            'GENERIC_ERROR',
            'FIELD_INTEGRITY_EXCEPTION'
        ],
        [
            'a malformed WhoId',
            task({ WhoId: '003000000000001AAZ' }),
            'GENERIC_ERROR',
            'MALFORMED_ID'
        ],
        [
            'a WhoId of no record',
            task({ WhoId: '003000000000099AAA' }),
            'GENERIC_ERROR',
            'INVALID_CROSS_REFERENCE_KEY'
        ],
        [
            'an Id that is not a Task',
            { Id: IDS.adaContact, Subject: 'x' },
            'GENERIC_ERROR',
            'INVALID_ID_FIELD'
        ]
    ];
    for (const [name, value, code, statusCode] of refusals) {
        it(`refuses ${name} and saves nothing`, () => {
            const count = records.length;
            const result = saveLog(records, value);
            assert.equal(result.ok, false);
            assert.ok(!result.ok);
            assert.equal(result.error.code, code);
            assert.ok(result.error.description.length > 0);
            assert.equal(
                (result.error.details[0] as { statusCode?: string } | undefined)?.statusCode,
                statusCode
            );
            assert.equal(records.length, count);
        });
    }

    it('refuses a value that is not a field map', () => {
        for (const value of [null, 'Subject', ['Subject']]) {
            const result = saveLog(records, value);
            assert.ok(!result.ok);
            assert.equal(result.error.code, 'INVALID_PARAM');
        }
    });
});
