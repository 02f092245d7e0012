// Twilio's Flex Configuration API, the two calls the configuration command makes: GET
// /v1/Configuration (the whole configuration) and POST /v1/Configuration with the account SID and
// the properties to set (each one it names is replaced whole). https://www.twilio.com/docs/flex/developer/config/flex-configuration-rest-api
import { credentialsProblem } from '../release/pluginPlan.ts';
import type { Json } from './mergeIntegration.ts';

export const FLEX_API = 'https://flex-api.twilio.com';
const TIMEOUT_MS = 30_000;

export interface ApiAccess {
    /** Scheme and host, e.g. https://flex-api.twilio.com. */
    baseUrl: string;
    accountSid: string;
    /** API key SID (SK…) or the account SID, as Twilio's basic auth takes them. */
    username: string;
    password: string;
}

export interface Configuration {
    account_sid?: string;
    ui_attributes?: Json;
    [key: string]: Json | undefined;
}

/** Access from the environment, or what is missing. Same variables as the Twilio CLI reads. */
export function accessFromEnv(
    env: Record<string, string | undefined>
): { ok: true; access: ApiAccess } | { ok: false; problem: string } {
    const problem = credentialsProblem(env);
    if (problem) {
        return { ok: false, problem };
    }
    const baseUrl = env.FLEX_API_URL ?? FLEX_API;
    const url = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
    // http only to this machine: the tests' stand-in of the API.
    const loopback = url && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (!url || url.origin !== baseUrl || (url.protocol !== 'https:' && !loopback)) {
        return {
            ok: false,
            problem: `FLEX_API_URL must be an https origin (default ${FLEX_API}), not ${baseUrl}`
        };
    }
    const accountSid = env.TWILIO_ACCOUNT_SID ?? '';
    const apiKey = env.TWILIO_API_KEY && env.TWILIO_API_SECRET;
    return {
        ok: true,
        access: {
            baseUrl,
            accountSid,
            username: apiKey ? (env.TWILIO_API_KEY ?? '') : accountSid,
            password: (apiKey ? env.TWILIO_API_SECRET : env.TWILIO_AUTH_TOKEN) ?? ''
        }
    };
}

async function call(access: ApiAccess, init: RequestInit): Promise<Configuration> {
    const authorization = Buffer.from(`${access.username}:${access.password}`).toString('base64');
    let response: Response;
    try {
        response = await fetch(`${access.baseUrl}/v1/Configuration`, {
            ...init,
            headers: {
                ...init.headers,
                Accept: 'application/json',
                Authorization: `Basic ${authorization}`
            },
            signal: AbortSignal.timeout(TIMEOUT_MS)
        });
    } catch (error) {
        throw new Error(`the Flex Configuration API did not answer (${(error as Error).message})`, {
            cause: error
        });
    }
    const text = await response.text();
    let body: unknown;
    try {
        body = JSON.parse(text);
    } catch {
        body = undefined;
    }
    if (!response.ok) {
        const { message, code } = (body ?? {}) as { message?: string; code?: number };
        throw new Error(
            `the Flex Configuration API answered ${response.status}${code ? ` (Twilio error ${code})` : ''}: ${message ?? text.slice(0, 200)}`
        );
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new Error('the Flex Configuration API answered with something that is not JSON');
    }
    return body as Configuration;
}

export function readConfiguration(access: ApiAccess): Promise<Configuration> {
    return call(access, { method: 'GET' });
}

/** Replaces ui_attributes with the given object, whole. */
export function writeUiAttributes(access: ApiAccess, uiAttributes: Json): Promise<Configuration> {
    return call(access, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ account_sid: access.accountSid, ui_attributes: uiAttributes })
    });
}
