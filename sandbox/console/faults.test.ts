import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Faults } from './faults.ts';

describe('sandbox fault injection', () => {
    it('uses one fault per call for the next N calls of that method only', () => {
        const faults = new Faults();
        faults.inject({ methodName: 'saveLog', mode: 'fail', count: 2 });
        assert.equal(faults.take('refreshView'), undefined);
        assert.equal(faults.take('saveLog')?.mode, 'fail');
        assert.equal(faults.list()[0]?.count, 1);
        assert.equal(faults.take('saveLog')?.mode, 'fail');
        assert.equal(faults.take('saveLog'), undefined);
        assert.deepEqual(faults.list(), []);
    });

    it('matches any method with *, in the order faults were injected', () => {
        const faults = new Faults();
        faults.inject({ methodName: '*', mode: 'delay', count: 1, delayMs: 50 });
        faults.inject({ methodName: 'saveLog', mode: 'drop', count: 1 });
        assert.deepEqual(faults.take('saveLog'), {
            methodName: '*',
            mode: 'delay',
            count: 0,
            delayMs: 50
        });
        assert.equal(faults.take('saveLog')?.mode, 'drop');
    });

    it('refuses a count that is not a whole number of calls, and an unknown mode', () => {
        const faults = new Faults();
        for (const count of [0, -1, 1.5, Number.NaN]) {
            assert.throws(() => faults.inject({ methodName: 'saveLog', mode: 'fail', count }), {
                message: 'count must be a whole number of calls, 1 or more'
            });
        }
        assert.throws(
            () => faults.inject({ methodName: 'saveLog', mode: 'explode' as 'fail', count: 1 }),
            /unknown fault mode explode/
        );
        assert.deepEqual(faults.list(), []);
    });

    it('clears every pending fault', () => {
        const faults = new Faults();
        faults.inject({ methodName: 'saveLog', mode: 'fail', count: 3 });
        faults.clear();
        assert.equal(faults.take('saveLog'), undefined);
    });

    it('fails a method at random at the given rate, the same way for the same seed', () => {
        const run = (seed: number) => {
            const faults = new Faults();
            faults.failAtRandom('saveLog', 0.3, seed);
            return Array.from({ length: 2000 }, () => faults.take('saveLog')?.mode === 'fail');
        };
        const first = run(7);
        const rate = first.filter(Boolean).length / first.length;
        assert.ok(rate > 0.26 && rate < 0.34, `rate ${rate}`);
        assert.deepEqual(run(7), first);
        assert.notDeepEqual(run(8), first);
        const faults = new Faults();
        faults.failAtRandom('saveLog', 1);
        assert.equal(faults.take('refreshView'), undefined);
        faults.clear();
        assert.equal(faults.take('saveLog'), undefined);
        assert.throws(() => faults.failAtRandom('saveLog', 1.5), /between 0 and 1/);
    });
});
