import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addedRequests, mostCommon } from './requestDiff.ts';

test('added requests: what only the first load made, repeats counted', () => {
    assert.deepEqual(
        addedRequests(
            [
                'a/index.html',
                'a/flex.js',
                'a/plugin.js',
                'b/opencti_min.js',
                'a/font.woff',
                'a/font.woff'
            ],
            ['a/index.html', 'a/flex.js', 'a/font.woff']
        ),
        ['a/plugin.js', 'b/opencti_min.js', 'a/font.woff']
    );
    assert.deepEqual(addedRequests(['x'], ['x', 'y']), []);
});

test('most common value, first of equals, empty for none', () => {
    assert.equal(mostCommon(['p o', 'p', 'p o', 'p']), 'p o');
    assert.equal(mostCommon(['b', 'a']), 'b');
    assert.equal(mostCommon([]), '');
});
