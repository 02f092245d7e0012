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
    expect(formatAgentString(strings, 'CrmDialInvalidNumber', { number: '<b>call me</b>' })).toBe(
        'Flex did not call "<b>call me</b>": it is not a phone number.'
    );
    expect(formatAgentString(strings, 'CrmChooserLinked')).toBe('Linked to ');
});

test('a translation replaces the default text', () => {
    const strings: Record<string, string> = { CrmChooserLinked: 'Lié à {{ name }}' };
    registerAgentStrings(strings);
    expect(formatAgentString(strings, 'CrmChooserLinked', { name: 'Ada' })).toBe('Lié à Ada');
    expect(strings.CrmChooserNone).toBe('None of these');
});

test('a translation made for the former Sf… key of a string every CRM shares still applies', () => {
    const strings: Record<string, string> = {
        SfChooserTitle: 'Quel dossier dans {{crm}} ?',
        CrmChooserNone: 'Aucun de ceux-ci',
        SfChooserNone: 'ancien texte'
    };
    registerAgentStrings(strings);
    expect(strings.CrmChooserTitle).toBe('Quel dossier dans {{crm}} ?');
    // A translation under the new key wins over the former one.
    expect(strings.CrmChooserNone).toBe('Aucun de ceux-ci');
    // Salesforce-only keys keep their name.
    expect(strings.SfOriginNotAllowed).toBe(AGENT_STRINGS.SfOriginNotAllowed);
    expect(strings.CrmChooserHint).toBe(AGENT_STRINGS.CrmChooserHint);
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
