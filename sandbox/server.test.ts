// The sandbox server's routes for a developer's own page (SANDBOX_HOST_ORIGIN), and the Flex
// configuration that allows it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { originsFor, parseHostOrigins, routeFor } from './server.ts';
import { sdkBrowserBuild } from './build/paths.ts';
import { sandboxFlexConfiguration } from './softphone/configuration.ts';

/** The hosts the sandbox's Flex allows, for a page served with these origins. */
function allowedHosts(origins: ReturnType<typeof originsFor>): string[] {
    const configuration = sandboxFlexConfiguration(
        new URLSearchParams('host=app'),
        origins.console,
        origins.app,
        origins.extraHosts
    ) as { custom_data: { host_app_integration: { allowed_host_origins: string[] } } };
    return configuration.custom_data.host_app_integration.allowed_host_origins;
}

describe('SANDBOX_HOST_ORIGIN', () => {
    test('takes one origin or several, exactly as a browser shows them', () => {
        assert.deepEqual(parseHostOrigins(undefined), []);
        assert.deepEqual(parseHostOrigins(' '), []);
        assert.deepEqual(parseHostOrigins('http://localhost:3000'), ['http://localhost:3000']);
        assert.deepEqual(parseHostOrigins('http://localhost:3000, https://crm.example.com'), [
            'http://localhost:3000',
            'https://crm.example.com'
        ]);
    });

    for (const wrong of [
        'localhost:3000',
        'http://localhost:3000/',
        'http://localhost:3000/app',
        'ftp://localhost:3000',
        '*',
        'http://localhost:3000,'
    ]) {
        test(`refuses ${JSON.stringify(wrong)} with a sentence that says what an origin is`, () => {
            assert.throws(
                () => parseHostOrigins(wrong),
                /SANDBOX_HOST_ORIGIN: ".*" is not an origin such as http:\/\/localhost:3000/
            );
        });
    }

    test("lets the page frame Flex and names it to Flex's configuration; serves the SDK", () => {
        const origins = originsFor(4400, 4401, 4402, 4403, ['http://localhost:3000']);
        const softphone = routeFor('/softphone/', origins);
        assert.equal(
            softphone?.frameAncestors,
            'http://localhost:4400 http://localhost:4402 http://localhost:4403 http://localhost:3000'
        );
        assert.equal(softphone?.template?.HOST_ORIGINS, 'http://localhost:3000');
        assert.equal(routeFor('/sdk/flex-host-sdk.min.js', origins)?.file, sdkBrowserBuild);
        assert.deepEqual(allowedHosts(origins), ['http://localhost:4402', 'http://localhost:3000']);
    });

    test('without it, only the demo CRM is allowed', () => {
        const origins = originsFor(4400, 4401);
        assert.equal(routeFor('/softphone/', origins)?.template?.HOST_ORIGINS, '');
        assert.deepEqual(allowedHosts(origins), ['http://localhost:4402']);
    });
});
