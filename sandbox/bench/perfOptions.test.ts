import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPerfOptions } from './perfOptions.ts';

describe('perf probe options', () => {
    it('defaults to 120 runs in the Salesforce console, written', () => {
        assert.deepEqual(readPerfOptions([]), { runs: 120, host: 'console', dryRun: false });
    });

    it('takes more runs, the host app and a dry run', () => {
        assert.deepEqual(readPerfOptions(['--runs', '200', '--host', 'app', '--dry-run']), {
            runs: 200,
            host: 'app',
            dryRun: true
        });
    });

    it('refuses a host it cannot drive', () => {
        assert.throws(() => readPerfOptions(['--host', 'salesforce']), /--host must be console/);
    });

    it('refuses too few runs, a fraction and a word, before any browser starts', () => {
        for (const runs of ['99', '150.5', 'many']) {
            assert.throws(() => readPerfOptions(['--runs', runs]), /100 or more/);
        }
        assert.throws(() => readPerfOptions(['--rnus', '200']), /Unknown option/);
    });
});
