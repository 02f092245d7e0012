import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPerfOptions } from './perfOptions.ts';

describe('perf probe options', () => {
    it('defaults to 120 runs, written', () => {
        assert.deepEqual(readPerfOptions([]), { runs: 120, dryRun: false });
    });

    it('takes more runs and a dry run', () => {
        assert.deepEqual(readPerfOptions(['--runs', '200', '--dry-run']), {
            runs: 200,
            dryRun: true
        });
    });

    it('refuses too few runs, a fraction and a word, before any browser starts', () => {
        for (const runs of ['99', '150.5', 'many']) {
            assert.throws(() => readPerfOptions(['--runs', runs]), /100 or more/);
        }
        assert.throws(() => readPerfOptions(['--rnus', '200']), /Unknown option/);
    });
});
