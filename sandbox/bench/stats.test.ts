import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ms, percentile, replaceSection, summarize } from './stats.ts';

describe('benchmark statistics', () => {
    it('takes nearest-rank percentiles whatever the sample order', () => {
        const samples = Array.from({ length: 100 }, (_, index) => 100 - index);
        assert.equal(percentile(samples, 50), 50);
        assert.equal(percentile(samples, 95), 95);
        assert.equal(percentile(samples, 100), 100);
        assert.equal(percentile(samples, 0), 1);
        assert.equal(percentile([7], 95), 7);
        assert.deepEqual(summarize([3, 1, 2]), { runs: 3, median: 2, p95: 3, min: 1, max: 3 });
    });

    it('refuses empty samples and impossible percentiles', () => {
        assert.throws(() => percentile([], 50), /no samples/);
        assert.throws(() => percentile([1], 101), /not between 0 and 100/);
        assert.throws(() => percentile([1], Number.NaN), /not between 0 and 100/);
    });

    it('formats milliseconds', () => {
        assert.equal(ms(0.4321), '0.43 ms');
        assert.equal(ms(4.321), '4.3 ms');
        assert.equal(ms(12.6), '13 ms');
    });

    it('replaces only its own section of a shared document, or appends it', () => {
        const first = replaceSection('# Performance\n', 'probe', 'one');
        assert.equal(first, '# Performance\n\n<!-- probe:start -->\none\n<!-- probe:end -->\n');
        const both = replaceSection(first, 'soak', 'two');
        const again = replaceSection(both, 'probe', 'three');
        assert.ok(again.includes('<!-- probe:start -->\nthree\n<!-- probe:end -->'));
        assert.ok(again.includes('<!-- soak:start -->\ntwo\n<!-- soak:end -->'));
        assert.ok(!again.includes('one'));
    });
});
