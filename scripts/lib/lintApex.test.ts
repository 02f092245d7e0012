import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintApex } from '../lint-apex.ts';

describe('lint:apex (PMD Apex rules)', () => {
    let folder = '';
    before(async () => {
        folder = await mkdtemp(path.join(os.tmpdir(), 'apex-fixture-'));
    });
    after(() => rm(folder, { recursive: true, force: true }));

    it('finds what PMD finds in careless Apex, and a file it cannot parse', async () => {
        await writeFile(
            path.join(folder, 'Careless.cls'),
            [
                '/** Careless on purpose. */',
                'public class Careless {',
                '    /**',
                '     * Queries in a loop and splices input into SOQL.',
                '     * @param names names',
                '     * @return contacts',
                '     */',
                '    public static List<Contact> find(List<String> names) {',
                '        List<Contact> found = new List<Contact>();',
                '        for (String name : names) {',
                "            found.addAll((List<Contact>) Database.query('SELECT Id FROM Contact WHERE Name = \\'' + name + '\\''));",
                '        }',
                '        return found;',
                '    }',
                '}',
                ''
            ].join('\n')
        );
        await writeFile(path.join(folder, 'Broken.cls'), 'public class Broken { void x( }\n');
        const { rules, problems } = await lintApex(folder);
        assert.ok(rules > 20, `only ${rules} rules ran`);
        const text = problems.join('\n');
        assert.match(text, /ApexSharingViolations/);
        assert.match(text, /OperationWithLimitsInLoop/);
        assert.match(text, /ApexSOQLInjection/);
        assert.match(text, /Broken\.cls/);
    });
});
