import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
    AGENT_STRINGS,
    NOTIFICATION_LEVELS,
    formatAgentString,
    registerAgentStrings
} from './agentMessages';

test('placeholders are filled with plain text; missing ones become empty', () => {
    const strings = { ...AGENT_STRINGS } as Record<string, string>;
    expect(formatAgentString(strings, 'SfDialInvalidNumber', { number: '<b>call me</b>' })).toBe(
        'Flex did not call "<b>call me</b>": it is not a phone number.'
    );
    expect(formatAgentString(strings, 'SfChooserLinked')).toBe('Linked to ');
});

test('a translation replaces the default text', () => {
    const strings: Record<string, string> = { SfChooserLinked: 'Lié à {{ name }}' };
    registerAgentStrings(strings);
    expect(formatAgentString(strings, 'SfChooserLinked', { name: 'Ada' })).toBe('Lié à Ada');
    expect(strings.SfChooserNone).toBe('None of these');
});

test('every text is a full sentence for the agent, not a code', () => {
    for (const [key, text] of Object.entries(AGENT_STRINGS)) {
        expect([key, text.length > 5 && !/^[A-Z_]+$/.test(text)]).toEqual([key, true]);
    }
});

test('every notification the agent can see is explained in the admin guide', () => {
    const guide = readFileSync(path.join(__dirname, '../../../docs/admin-guide.md'), 'utf8');
    const section = guide.slice(guide.indexOf('### What each message in Flex means'));
    const keys = Object.keys(NOTIFICATION_LEVELS);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((key) => !section.includes(`\`${key}\``))).toEqual([]);
});
