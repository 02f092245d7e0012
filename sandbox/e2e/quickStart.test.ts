// The quick start of docs/embedding.md, as a developer follows it: the page is taken from the doc
// as it is written, served on an origin of its own that the sandbox allows (SANDBOX_HOST_ORIGIN),
// and the doc's two checks are made through the page: Call Grace, and a screen pop.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Frame } from 'playwright-core';
import { eventually, openSandbox, tasksOf, type PhoneWindow, type Sandbox } from './harness.ts';

const GUIDE = path.join(import.meta.dirname, '..', '..', 'docs', 'embedding.md');

/** The quick start's page, and the sandbox origins it names, exactly as the guide prints them. */
export function quickStartPage(markdown: string): { html: string; command: string } {
    const section = markdown.slice(markdown.indexOf('## Quick start'));
    const block = (lang: string) => {
        const found = new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n\\s*```').exec(section);
        if (!found?.[1]) throw new Error(`no ${lang} block in the quick start`);
        // The blocks sit in a numbered list: drop the list's indentation.
        const lines = found[1].split('\n');
        const indent = Math.min(
            ...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)?.[0].length ?? 0)
        );
        return lines.map((line) => line.slice(indent)).join('\n');
    };
    return { html: block('html'), command: block('sh') };
}

describe('the quick start in docs/embedding.md', () => {
    const { html, command } = quickStartPage(readFileSync(GUIDE, 'utf8'));
    let page: string;
    let devServer: Server;
    let devOrigin = '';
    let sandbox: Sandbox;

    before(async () => {
        // The developer's own static server, on an origin the sandbox does not otherwise know.
        devServer = createServer((request, response) => {
            if (request.url === '/' || request.url === '/index.html') {
                response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
            } else {
                response.writeHead(404).end();
            }
        });
        await new Promise<void>((resolve) => devServer.listen(0, '127.0.0.1', resolve));
        const address = devServer.address();
        devOrigin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
        sandbox = await openSandbox({ extraHosts: [devOrigin] });
        // The guide's fixed ports are npm start's; this run's sandbox and page have free ones.
        const { origins } = sandbox.server;
        page = html
            .replaceAll('http://localhost:4402', origins.app)
            .replaceAll('http://127.0.0.1:4401', origins.softphone);
    });
    after(async () => {
        await sandbox?.close();
        await new Promise<void>((resolve) => devServer.close(() => resolve()));
    });

    test('the command starts the sandbox with the page allowed, and the page names its ports', () => {
        assert.equal(command, 'SANDBOX_HOST_ORIGIN=http://localhost:3000 npm start');
        assert.match(html, /src="http:\/\/localhost:4402\/sdk\/flex-host-sdk\.min\.js"/);
        assert.match(html, /flexUrl: 'http:\/\/127\.0\.0\.1:4401\/softphone\/\?host=app'/);
        assert.ok(html.split('\n').length <= 30, 'a page of a dozen lines of script');
    });

    test('the page embeds Flex; a call accepted pops the customer; Call Grace places the call', async () => {
        const browserPage = await sandbox.browser.newPage({
            viewport: { width: 1200, height: 900 }
        });
        const errors: string[] = [];
        browserPage.on('pageerror', (error) => errors.push(error.message));
        await browserPage.goto(`${devOrigin}/`);
        const handle = await browserPage.waitForSelector('#flex iframe', { state: 'attached' });
        const flex = (await handle.contentFrame()) as Frame;
        await flex.waitForFunction(() => 'sandboxPhone' in window, null, { timeout: 30000 });
        await flex.evaluate(() => (window as unknown as PhoneWindow).sandboxPhone.ready);
        // The SDK connected: the button's handler is set once mountFlex resolved.
        await browserPage.waitForFunction(
            () => (document.getElementById('call') as HTMLButtonElement).onclick !== null,
            null,
            { timeout: 30000 }
        );

        // As the guide says: Simulate inbound, then Accept, in the strip under Flex.
        const strip = flex.locator('#sandbox-controls');
        await strip.getByRole('button', { name: 'Simulate inbound' }).click();
        await strip.getByRole('button', { name: 'Accept', exact: true }).click();
        await browserPage
            .locator('#customer', { hasText: 'Customer C-1' })
            .waitFor({ timeout: 15000 });
        const [inbound] = await tasksOf(flex);
        assert.equal(inbound?.attributes.hostRecordId, 'C-1');
        // As the guide says: finish it in the strip, then call.
        await strip.getByRole('button', { name: 'Hang up' }).click();
        await strip.getByRole('button', { name: 'Complete' }).click();
        await eventually(
            () => tasksOf(flex),
            (list) => list.every((task) => task.status === 'completed')
        );

        await browserPage.getByRole('button', { name: 'Call Grace' }).click();
        const tasks = await eventually(
            () => tasksOf(flex),
            (list) => list.some((task) => task.attributes.direction === 'outbound')
        );
        const outbound = tasks.find((task) => task.attributes.direction === 'outbound');
        assert.equal(outbound?.attributes.outbound_to, '+12125550142');
        assert.deepEqual(errors, []);
        await browserPage.close();
    });
});
