import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cdfPoints, escapeXml, logTicks, renderCdfSvg } from './cdfChart.ts';

test('CDF points: sorted samples, each with the share of runs at or below it', () => {
    assert.deepEqual(cdfPoints([3, 1, 2, 2]), [
        [1, 0.25],
        [2, 0.5],
        [2, 0.75],
        [3, 1]
    ]);
});

test('log ticks: whole decades covering the range', () => {
    assert.deepEqual(logTicks(0.04, 7), [0.01, 0.1, 1, 10]);
    assert.deepEqual(logTicks(1, 1), [1, 10]);
    assert.deepEqual(logTicks(0, 0.5), [0.001, 0.01, 0.1, 1]);
});

test('the SVG has one line per series, the marks, and escapes every text', () => {
    const svg = renderCdfSvg({
        title: 'Click-to-dial <end to end> & plugin',
        series: [
            { label: 'end to end', samples: [1, 2, 3, 40] },
            { label: 'plugin', samples: [0, 0.1, 0.2] }
        ],
        marks: [{ label: 'target 5×RTT', atMs: 1.5 }]
    });
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.equal(svg.match(/<path /g)?.length, 2);
    assert.match(svg, /Click-to-dial &lt;end to end&gt; &amp; plugin/);
    assert.match(svg, /end to end \(4 runs\)/);
    assert.match(svg, /plugin \(3 runs\)/);
    assert.match(svg, /stroke-dasharray="4 3"/);
    assert.match(svg, /target 5×RTT/);
    assert.doesNotMatch(svg, /NaN|Infinity/);
    // The slowest sample reaches the top (100%) of the plot.
    assert.match(svg, /V36"/);
});

test('no samples above zero: an error, not an empty chart', () => {
    assert.throws(
        () => renderCdfSvg({ title: 'x', series: [{ label: 'a', samples: [0] }] }),
        /no samples/
    );
    assert.equal(escapeXml('"a" < b'), '&quot;a&quot; &lt; b');
});
