// Jest environment: jsdom, with the console held back while a test runs. The real Flex UI logs as
// it works ("logger decorated", errors of actions a test makes fail on purpose); a passing test's
// logs are dropped, a failing test's are printed with its failure, and logs from outside any test
// are printed if anything in the file failed.
import { TestEnvironment } from 'jest-environment-jsdom';
import type { Circus } from '@jest/types';

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
type Method = (typeof METHODS)[number];
type HeldCall = [Method, unknown[]];

export default class QuietConsoleEnvironment extends TestEnvironment {
    private outsideTests: HeldCall[] = [];
    private inTest: HeldCall[] | null = null;
    private fileFailed = false;
    private realConsole: Console | null = null;

    override async setup(): Promise<void> {
        await super.setup();
        // Jest sets the file's console (its BufferedConsole) before setup; keep it for replay.
        const real = this.global.console;
        this.realConsole = real;
        const quiet = Object.create(real) as Console;
        for (const method of METHODS) {
            quiet[method] = (...args: unknown[]) => {
                (this.inTest ?? this.outsideTests).push([method, args]);
            };
        }
        this.global.console = quiet;
    }

    async handleTestEvent(event: Circus.Event): Promise<void> {
        if (event.name === 'test_start') {
            this.inTest = [];
        } else if (event.name === 'test_done') {
            if (event.test.errors.length > 0) {
                this.fileFailed = true;
                this.replay(this.inTest ?? []);
            }
            this.inTest = null;
        } else if (event.name === 'hook_failure') {
            this.fileFailed = true;
        } else if (event.name === 'run_finish' && this.fileFailed) {
            this.replay(this.outsideTests);
        }
    }

    private replay(calls: HeldCall[]): void {
        const real = this.realConsole;
        if (!real) {
            return;
        }
        for (const [method, args] of calls) {
            real[method](...args);
        }
        calls.length = 0;
    }
}
