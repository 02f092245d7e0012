// The sandbox's web server: ports on two sites, as in production where the Salesforce console
// (*.lightning.force.com) or a customer's web app and Flex (flex.twilio.com) are different sites.
//   console   http://localhost:<port>/                the simulated Lightning console (Open CTI host)
//   softphone http://127.0.0.1:<port+1>/softphone/    Flex, in the console's utility bar iframe
//   app       http://localhost:<port+2>/app/          the demo CRM: Flex through the host SDK
//   foreign   http://localhost:<port+3>/app/          the same page at an origin the plugin does
//                                                     not allow: Flex refuses to talk to it
// SANDBOX_HOST_ORIGIN adds a developer's own page (another origin) to the hosts Flex allows; the
// app side also serves the host SDK's browser build at /sdk/flex-host-sdk.min.js for it.
// localhost and 127.0.0.1 are different sites to a browser, so Chromium runs the softphone in its
// own renderer process and treats its storage as third-party, as inside Salesforce
// (docs/sandbox.md, "Two sites").
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { distDir, pluginBundle, sandboxDir, sdkBrowserBuild, sldsAssets } from './build/paths.ts';

export interface SandboxOrigins {
    console: string;
    softphone: string;
    /** The demo CRM, on the list of hosts the plugin allows. */
    app: string;
    /** The demo CRM at an origin that is not on the list. */
    foreignApp: string;
    /** Developers' own pages that may embed the sandbox's Flex too (SANDBOX_HOST_ORIGIN). */
    extraHosts: readonly string[];
}

export function originsFor(
    consolePort: number,
    softphonePort: number,
    appPort = consolePort + 2,
    foreignPort = consolePort + 3,
    extraHosts: readonly string[] = []
): SandboxOrigins {
    return {
        console: `http://localhost:${consolePort}`,
        softphone: `http://127.0.0.1:${softphonePort}`,
        app: `http://localhost:${appPort}`,
        foreignApp: `http://localhost:${foreignPort}`,
        extraHosts
    };
}

/**
 * SANDBOX_HOST_ORIGIN: one origin or several, separated by commas, each exactly as a browser
 * shows it (scheme, host and port, no path). Throws a sentence that says what is wrong.
 */
export function parseHostOrigins(value: string | undefined): string[] {
    if (!value?.trim()) return [];
    return value.split(',').map((entry) => {
        const origin = entry.trim();
        let url: URL | null = null;
        try {
            url = new URL(origin);
        } catch {
            // Reported below.
        }
        if (!url || url.origin !== origin || !['http:', 'https:'].includes(url.protocol)) {
            throw new Error(
                `SANDBOX_HOST_ORIGIN: "${origin}" is not an origin such as http://localhost:3000 (scheme, host and port; no path, no trailing slash)`
            );
        }
        return origin;
    });
}

const CONTENT_TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.map': 'application/json',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff'
};

/** Open CTI's script path: /support/api/<version>/lightning/opencti_min.js (or opencti.js). */
export const OPEN_CTI_SCRIPT = /^\/support\/api\/(\d{2,3}\.0)\/lightning\/opencti(_min)?\.js$/;

/** The Console Integration Toolkit's path: /support/console/<version>/integration.js. */
export const CONSOLE_TOOLKIT_SCRIPT = /^\/support\/console\/(\d{2,3}\.0)\/integration\.js$/;

interface Route {
    file: string;
    /** Only the console origin may frame the softphone (the real softphone would say the same). */
    frameAncestors?: string;
    template?: Record<string, string>;
}

/** Maps a request to a file, or null. Exported for the server's own tests. */
export function routeFor(pathname: string, origins: SandboxOrigins): Route | null {
    if (pathname.includes('..') || pathname.includes('\0')) {
        return null;
    }
    if (pathname === '/' || pathname === '/index.html') {
        return {
            file: path.join(sandboxDir, 'console', 'index.html'),
            template: { SOFTPHONE_ORIGIN: origins.softphone }
        };
    }
    if (OPEN_CTI_SCRIPT.test(pathname)) {
        return { file: path.join(distDir, 'opencti', 'opencti_min.js') };
    }
    if (CONSOLE_TOOLKIT_SCRIPT.test(pathname)) {
        return { file: path.join(distDir, 'opencti', 'integration.js') };
    }
    if (pathname === '/softphone/' || pathname === '/softphone/index.html') {
        return {
            file: path.join(sandboxDir, 'softphone', 'index.html'),
            // As Flex's Allowed URLs would be, plus the foreign app so the plugin's own refusal shows.
            frameAncestors: [
                origins.console,
                origins.app,
                origins.foreignApp,
                ...origins.extraHosts
            ].join(' '),
            template: {
                CONSOLE_ORIGIN: origins.console,
                APP_ORIGIN: origins.app,
                HOST_ORIGINS: origins.extraHosts.join(' ')
            }
        };
    }
    if (pathname === '/app/' || pathname === '/app/index.html') {
        return {
            file: path.join(sandboxDir, 'demo-crm', 'index.html'),
            template: { SOFTPHONE_ORIGIN: origins.softphone }
        };
    }
    if (pathname === '/sdk/flex-host-sdk.min.js') {
        // The host SDK's browser build, as npm run build:sdk writes it, for a developer's page.
        return { file: sdkBrowserBuild };
    }
    if (pathname === '/app/demo-crm.css') {
        return { file: path.join(sandboxDir, 'demo-crm', 'demo-crm.css') };
    }
    if (pathname === '/softphone/plugin-salesforce-integration.js') {
        return { file: pluginBundle };
    }
    if (pathname === '/softphone/softphone.css') {
        return { file: path.join(sandboxDir, 'softphone', 'softphone.css') };
    }
    if (pathname === '/console/console.css') {
        return { file: path.join(sandboxDir, 'console', 'console.css') };
    }
    if (pathname.startsWith('/slds/')) {
        return { file: path.join(sldsAssets, pathname.slice('/slds/'.length)) };
    }
    const built = /^\/(softphone|console|opencti|lwc|app)\/([\w.-]+\.(js|map))$/.exec(pathname);
    if (built) {
        return { file: path.join(distDir, built[1] ?? '', built[2] ?? '') };
    }
    return null;
}

async function handle(
    request: IncomingMessage,
    response: ServerResponse,
    origins: SandboxOrigins
): Promise<void> {
    const url = new URL(request.url ?? '/', origins.console);
    const route = routeFor(url.pathname, origins);
    if (!route || (request.method !== 'GET' && request.method !== 'HEAD')) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
    }
    let body: Buffer | string;
    try {
        body = await readFile(route.file);
    } catch {
        response
            .writeHead(404, { 'content-type': 'text/plain' })
            .end(`Not built: ${path.relative(sandboxDir, route.file)} (run npm start)`);
        return;
    }
    if (route.template) {
        body = Object.entries(route.template).reduce(
            (text, [key, value]) => text.replaceAll(`{{${key}}}`, value),
            body.toString('utf8')
        );
    }
    const headers: Record<string, string> = {
        'content-type': CONTENT_TYPES[path.extname(route.file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff'
    };
    if (route.frameAncestors) {
        headers['content-security-policy'] = `frame-ancestors ${route.frameAncestors}`;
    }
    response.writeHead(200, headers).end(request.method === 'HEAD' ? undefined : body);
}

export interface RunningSandbox {
    origins: SandboxOrigins;
    port: number;
    close(): Promise<void>;
}

/** Listens on loopback (IPv4, and IPv6 when the machine has it); port 0 picks a free port. */
async function listen(
    port: number,
    listener: (request: IncomingMessage, response: ServerResponse) => void
): Promise<{ port: number; servers: Server[] }> {
    const primary = createServer(listener);
    await new Promise<void>((resolve, reject) => {
        primary.once('error', reject);
        primary.listen(port, '127.0.0.1', () => resolve());
    });
    const address = primary.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const servers = [primary];
    // Browsers may resolve "localhost" to ::1 first; answer there too.
    const ipv6 = createServer(listener);
    await new Promise<void>((resolve) => {
        ipv6.once('error', () => resolve());
        ipv6.listen(actualPort, '::1', () => {
            servers.push(ipv6);
            resolve();
        });
    });
    return { port: actualPort, servers };
}

/**
 * Serves the built sandbox: the console on `port`, the softphone on `port + 1`, the demo CRM on
 * `port + 2` and its foreign copy on `port + 3` (or free ports). `extraHosts`: further pages that
 * may embed Flex (parseHostOrigins).
 */
export async function startServer(
    port = 0,
    extraHosts: readonly string[] = []
): Promise<RunningSandbox> {
    let origins = originsFor(port, port + 1, port + 2, port + 3, extraHosts);
    const listener = (request: IncomingMessage, response: ServerResponse) => {
        handle(request, response, origins).catch(() => {
            if (!response.headersSent) {
                response.writeHead(500).end();
            }
        });
    };
    const consoleSide = await listen(port, listener);
    const softphoneSide = await listen(port === 0 ? 0 : port + 1, listener);
    const appSide = await listen(port === 0 ? 0 : port + 2, listener);
    const foreignSide = await listen(port === 0 ? 0 : port + 3, listener);
    origins = originsFor(
        consoleSide.port,
        softphoneSide.port,
        appSide.port,
        foreignSide.port,
        extraHosts
    );
    const servers = [
        ...consoleSide.servers,
        ...softphoneSide.servers,
        ...appSide.servers,
        ...foreignSide.servers
    ];
    return {
        origins,
        port: consoleSide.port,
        close: () =>
            Promise.all(
                servers.map(
                    (server) =>
                        new Promise<void>((resolve) => {
                            server.closeAllConnections();
                            server.close(() => resolve());
                        })
                )
            ).then(() => undefined)
    };
}
