import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    findChromium,
    missingChromiumMessage,
    systemCandidates,
    type LookupHost
} from './findChromium.ts';

function host(overrides: Partial<LookupHost> & { executables?: string[] } = {}): LookupHost {
    const executables = new Set(overrides.executables ?? []);
    return {
        env: overrides.env ?? { PATH: '/usr/local/bin:/usr/bin' },
        platform: overrides.platform ?? 'linux',
        isExecutable: (file) => executables.has(file),
        playwrightPath: overrides.playwrightPath ?? (() => '/home/me/.cache/ms-playwright/chrome')
    };
}

test('CHROMIUM_PATH wins over everything else', () => {
    const lookup = findChromium(
        host({
            env: { CHROMIUM_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' },
            executables: ['/opt/chrome/chrome', '/usr/bin/chromium']
        })
    );
    assert.deepEqual(lookup, {
        kind: 'found',
        path: '/opt/chrome/chrome',
        source: 'CHROMIUM_PATH'
    });
});

test('a CHROMIUM_PATH that is not there is reported, not silently replaced', () => {
    const lookup = findChromium(
        host({
            env: { CHROMIUM_PATH: '/nowhere/chrome', PATH: '/usr/bin' },
            executables: ['/usr/bin/chromium']
        })
    );
    assert.deepEqual(lookup, { kind: 'missing-env', path: '/nowhere/chrome' });
    assert.ok(lookup.kind === 'missing-env');
    assert.match(missingChromiumMessage(lookup), /CHROMIUM_PATH is \/nowhere\/chrome/);
});

test('the system browser on PATH comes before playwright-core’s download', () => {
    const lookup = findChromium(
        host({ executables: ['/usr/bin/google-chrome', '/home/me/.cache/ms-playwright/chrome'] })
    );
    assert.deepEqual(lookup, { kind: 'found', path: '/usr/bin/google-chrome', source: 'system' });
});

test('Chromium is preferred to Chrome, and earlier PATH entries to later ones', () => {
    const lookup = findChromium(
        host({
            executables: ['/usr/bin/chromium', '/usr/local/bin/chromium', '/usr/bin/google-chrome']
        })
    );
    assert.equal(lookup.kind === 'found' && lookup.path, '/usr/local/bin/chromium');
});

test('playwright-core’s browser is used when the system has none', () => {
    const lookup = findChromium(host({ executables: ['/home/me/.cache/ms-playwright/chrome'] }));
    assert.deepEqual(lookup, {
        kind: 'found',
        path: '/home/me/.cache/ms-playwright/chrome',
        source: 'playwright'
    });
});

test('nothing found: every place tried is listed and the message says what to install', () => {
    const lookup = findChromium(host({ env: { PATH: '/usr/bin' } }));
    assert.equal(lookup.kind, 'none');
    assert.ok(lookup.kind === 'none' && lookup.tried.includes('/usr/bin/chromium'));
    assert.ok(
        lookup.kind === 'none' && lookup.tried.includes('/home/me/.cache/ms-playwright/chrome')
    );
    assert.ok(lookup.kind === 'none');
    const message = missingChromiumMessage(lookup);
    assert.match(message, /apt-get install chromium/);
    assert.match(message, /CHROMIUM_PATH/);
    assert.equal(message.split('\n').length, 1);
});

test('macOS and Windows look in their usual install folders', () => {
    assert.ok(
        systemCandidates({}, 'darwin').includes(
            '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
        )
    );
    assert.deepEqual(systemCandidates({ PROGRAMFILES: 'C:\\Program Files' }, 'win32'), [
        'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
    ]);
});
