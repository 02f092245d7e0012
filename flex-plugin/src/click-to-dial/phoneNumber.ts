// Phone numbers as Salesforce displays them ("(415) 555-0100", "+44 20 7946 0958") → E.164.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export type PhoneResult =
    { ok: true; e164: string } | { ok: false; reason: 'empty' | 'not-a-number' };

const MAX_INPUT_LENGTH = 64;

export function toE164(raw: unknown, defaultCountry: CountryCode): PhoneResult {
    if (typeof raw !== 'string' || !raw.trim()) {
        return { ok: false, reason: 'empty' };
    }
    if (raw.length > MAX_INPUT_LENGTH) {
        return { ok: false, reason: 'not-a-number' };
    }
    const parsed = parsePhoneNumberFromString(raw.trim(), { defaultCountry, extract: false });
    if (!parsed || !parsed.isPossible()) {
        return { ok: false, reason: 'not-a-number' };
    }
    return { ok: true, e164: parsed.number };
}
