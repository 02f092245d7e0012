// Stand-in for Twilio's Flex Configuration API (GET and POST /v1/Configuration), served on this
// machine for the configuration command's tests. It keeps the documented behaviour that matters
// to a writer: basic auth with the account SID and auth token or an API key; POST needs the
// account SID; every top-level property a POST names replaces the stored one whole (so sending
// ui_attributes with only custom_data erases the rest of ui_attributes).
// https://www.twilio.com/docs/flex/developer/config/flex-configuration-rest-api
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConfigurationApiOptions {
    accountSid: string;
    /** username → password accepted in basic auth (account SID → auth token, SK… → secret). */
    credentials: Record<string, string>;
    /** The stored configuration's properties, ui_attributes among them. */
    configuration: Record<string, unknown>;
}

export interface ConfigurationApiStandIn {
    url: string;
    /** The stored configuration now. */
    configuration(): Record<string, unknown>;
    /** Every request, in order: method and parsed body. */
    requests: { method: string; body?: unknown }[];
    /** Changes the stored configuration right after the next POST, as another writer would. */
    afterNextWrite(change: (stored: Record<string, unknown>) => void): void;
    close(): Promise<void>;
}

const READ_ONLY = new Set(['account_sid', 'date_created', 'date_updated', 'url']);

function send(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body));
}

function twilioError(response: ServerResponse, status: number, code: number, message: string) {
    send(response, status, {
        code,
        message,
        more_info: `https://www.twilio.com/docs/errors/${code}`,
        status
    });
}

async function bodyOf(request: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
}

export async function startConfigurationApi(
    options: ConfigurationApiOptions
): Promise<ConfigurationApiStandIn> {
    let stored: Record<string, unknown> = structuredClone({
        ...options.configuration,
        account_sid: options.accountSid
    });
    const requests: ConfigurationApiStandIn['requests'] = [];
    let pendingChange: ((stored: Record<string, unknown>) => void) | undefined;

    const server = createServer((request, response) => {
        void (async () => {
            const text = await bodyOf(request);
            let body: unknown;
            try {
                body = text ? JSON.parse(text) : undefined;
            } catch {
                body = text;
            }
            requests.push({ method: request.method ?? '', body });
            const [scheme, encoded = ''] = (request.headers.authorization ?? '').split(' ');
            const [user = '', password = ''] = Buffer.from(encoded, 'base64')
                .toString('utf8')
                .split(':');
            if (scheme !== 'Basic' || options.credentials[user] !== password) {
                twilioError(response, 401, 20003, 'Authenticate');
                return;
            }
            if (new URL(request.url ?? '/', 'http://x').pathname !== '/v1/Configuration') {
                twilioError(response, 404, 20404, 'The requested resource was not found');
                return;
            }
            if (request.method === 'GET') {
                send(response, 200, stored);
                return;
            }
            if (request.method !== 'POST') {
                twilioError(response, 405, 20004, 'Method not allowed');
                return;
            }
            if (
                !request.headers['content-type']?.startsWith('application/json') ||
                typeof body !== 'object' ||
                body === null ||
                Array.isArray(body)
            ) {
                twilioError(response, 400, 20001, 'Request body must be a JSON object');
                return;
            }
            const update = body as Record<string, unknown>;
            if (update.account_sid !== options.accountSid) {
                twilioError(response, 400, 20001, 'Missing required parameter account_sid');
                return;
            }
            const next = structuredClone(stored);
            for (const [key, value] of Object.entries(update)) {
                if (!READ_ONLY.has(key)) {
                    next[key] = structuredClone(value); // replaced whole, never merged
                }
            }
            next.date_updated = new Date().toISOString();
            stored = next;
            send(response, 200, stored);
            pendingChange?.(stored);
            pendingChange = undefined;
        })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        configuration: () => structuredClone(stored),
        requests,
        afterNextWrite(change) {
            pendingChange = change;
        },
        close: () =>
            new Promise<void>((resolve, reject) =>
                server.close((error) => (error ? reject(error) : resolve()))
            )
    };
}
