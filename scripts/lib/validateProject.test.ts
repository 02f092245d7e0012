import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { toImportXml } from './callCenter.ts';
import { validateProject, type ValidationReport } from './validateProject.ts';

const root = path.resolve(import.meta.dirname, '../..');
const CALL_CENTER = 'force-app/main/default/callCenters/Twilio_Flex.callCenter-meta.xml';
const SELECTION_CHANNEL =
    'force-app/main/default/messageChannels/Flex_Record_Selection.messageChannel-meta.xml';
const DIAL_CHANNEL =
    'force-app/main/default/messageChannels/Flex_Dial_Request.messageChannel-meta.xml';
const UTILITY_BAR = 'force-app/main/default/flexipages/Flex_Console_UtilityBar.flexipage-meta.xml';
const PICKER_JS = 'force-app/main/default/lwc/flexRecordPicker/labels.js';
const PICKER_META = 'force-app/main/default/lwc/flexRecordPicker/flexRecordPicker.js-meta.xml';
const APP = 'force-app/main/default/applications/Flex_Console.app-meta.xml';
const LABELS = 'force-app/main/default/labels/CustomLabels.labels-meta.xml';
const AGENT_PERMISSIONS = 'force-app/main/default/permissionsets/Flex_Agent.permissionset-meta.xml';
const TRUSTED_URL =
    'force-app/main/default/cspTrustedSites/Flex_Agent_Desktop.cspTrustedSite-meta.xml';

/** A copy of the project's Salesforce parts, to break on purpose. */
async function copyProject(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'flex-sf-project-'));
    for (const entry of ['force-app', 'contracts', 'sfdx-project.json', '.forceignore']) {
        await cp(path.join(root, entry), path.join(dir, entry), { recursive: true });
    }
    return dir;
}

async function edit(dir: string, file: string, change: (text: string) => string) {
    const full = path.join(dir, file);
    const before = await readFile(full, 'utf8');
    const after = change(before);
    assert.notEqual(after, before, `the edit of ${file} changed nothing`);
    await writeFile(full, after);
}

describe('the project as committed', () => {
    let report: ValidationReport;
    before(async () => {
        report = await validateProject(root);
    });

    it('has no metadata problems', () => {
        assert.deepEqual(report.problems, []);
    });

    it('checks every component the package ships', () => {
        const names = report.components.map((c) => `${c.type}:${c.fullName}`).sort();
        assert.deepEqual(names, [
            'ApexClass:FlexPresenceMappings',
            'ApexClass:FlexPresenceMappingsTest',
            'ApexClass:FlexRecordSearch',
            'ApexClass:FlexRecordSearchTest',
            'ApexClass:FlexSearchTerm',
            'ApexClass:FlexTestAgents',
            'AuraDefinitionBundle:flexPresenceSyncUtility',
            'CallCenter:Twilio_Flex',
            'CspTrustedSite:Flex_Agent_Desktop',
            'CustomApplication:Flex_Console',
            'CustomApplication:Flex_Console_Lwc',
            'CustomField:Activity.Flex_Sentiment__c',
            'CustomField:Activity.Flex_Task_Sid__c',
            'CustomField:Activity.Flex_Topics__c',
            'CustomLabels:CustomLabels',
            'CustomMetadata:Flex_Presence_Mapping.Available',
            'CustomMetadata:Flex_Presence_Mapping.Break',
            'CustomMetadata:Flex_Presence_Mapping.Offline',
            'CustomObject:Flex_Presence_Mapping__mdt',
            'FlexiPage:Flex_Console_Lwc_UtilityBar',
            'FlexiPage:Flex_Console_UtilityBar',
            'LightningComponentBundle:flexCallButton',
            'LightningComponentBundle:flexContract',
            'LightningComponentBundle:flexHostSdk',
            'LightningComponentBundle:flexLabelFormat',
            'LightningComponentBundle:flexPresenceSync',
            'LightningComponentBundle:flexRecordPicker',
            'LightningComponentBundle:flexSoftphone',
            'LightningMessageChannel:Flex_Dial_Request',
            'LightningMessageChannel:Flex_Interaction',
            'LightningMessageChannel:Flex_Presence',
            'LightningMessageChannel:Flex_Record_Selection',
            'PermissionSet:Flex_Agent'
        ]);
        assert.ok(report.filesChecked >= 9);
    });

    it('converts to Metadata API format with Salesforce library', () => {
        for (const type of [
            'ApexClass',
            'CallCenter',
            'CspTrustedSite',
            'LightningMessageChannel',
            'LightningComponentBundle',
            'CustomApplication',
            'FlexiPage',
            'PermissionSet'
        ]) {
            assert.ok(report.convertedTypes.includes(type), `${type} missing from package.xml`);
        }
    });

    it('keeps the committed call center import file in step with the metadata', async () => {
        const committed = await readFile(
            path.join(root, 'config', 'Twilio_Flex.callcenter-import.xml'),
            'utf8'
        );
        assert.equal(
            committed,
            toImportXml(report.callCenters[0]),
            'run npm run build to refresh config/Twilio_Flex.callcenter-import.xml'
        );
        assert.match(committed, /name="reqInternalName" label="InternalName">Twilio_Flex</);
    });
});

describe('a call center moved out of the package', () => {
    it('is still validated from a second package directory', async () => {
        const dir = await copyProject();
        try {
            await mkdir(path.join(dir, 'unpackaged', 'main', 'default'), { recursive: true });
            await rename(
                path.join(dir, 'force-app', 'main', 'default', 'callCenters'),
                path.join(dir, 'unpackaged', 'main', 'default', 'callCenters')
            );
            await edit(dir, 'sfdx-project.json', (t) =>
                t.replace(
                    '"packageDirectories": [',
                    '"packageDirectories": [{ "path": "unpackaged" }, '
                )
            );
            const report = await validateProject(dir);
            assert.deepEqual(report.problems, []);
            assert.deepEqual(
                report.callCenters.map((c) => c.internalName),
                ['Twilio_Flex']
            );
            assert.ok(report.convertedTypes.includes('CallCenter'));
        } finally {
            await rm(dir, { recursive: true, force: true });
        }
    });
});

describe('broken metadata is caught', () => {
    const dirs: string[] = [];
    after(async () => {
        await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    });

    const cases: [string, string, (text: string) => string, RegExp][] = [
        [
            'a field permission for a field the package does not ship',
            AGENT_PERMISSIONS,
            (t) => t.replace('Task.Flex_Topics__c', 'Task.Flex_Topic__c'),
            /grants field Task\.Flex_Topic__c, which does not exist/
        ],
        [
            'an agent permission set without Edit Tasks',
            AGENT_PERMISSIONS,
            (t) =>
                t.replace(
                    '<enabled>true</enabled>\n        <name>EditTask</name>',
                    '<enabled>false</enabled>\n        <name>EditTask</name>'
                ),
            /Flex_Agent does not grant EditTask/
        ],
        [
            'an agent permission set without the Apex the softphone calls',
            AGENT_PERMISSIONS,
            (t) =>
                t.replace(
                    '<apexClass>FlexRecordSearch</apexClass>',
                    '<apexClass>Other</apexClass>'
                ),
            /Flex_Agent does not grant Apex class FlexRecordSearch/
        ],
        [
            'an Activity field agents may read but not edit',
            AGENT_PERMISSIONS,
            (t) =>
                t.replace(
                    /<editable>true<\/editable>(\s*<field>Task\.Flex_Sentiment__c)/,
                    '<editable>false</editable>$1'
                ),
            /does not make Task\.Flex_Sentiment__c readable and editable/
        ],
        [
            'an Activity field the permission set forgets',
            AGENT_PERMISSIONS,
            (t) =>
                t.replace(
                    /<fieldPermissions>\s*<editable>true<\/editable>\s*<field>Task\.Flex_Topics__c<\/field>\s*<readable>true<\/readable>\s*<\/fieldPermissions>/,
                    ''
                ),
            /does not make Task\.Flex_Topics__c readable and editable/
        ],
        [
            'a permission set description over 255 characters',
            AGENT_PERMISSIONS,
            (t) => t.replace(/>Agents who take[^<]*</, `>${'x'.repeat(256)}<`),
            /permission set Flex_Agent: description has 256 characters, at most 255/
        ],
        [
            'a trusted URL without the microphone',
            TRUSTED_URL,
            (t) => t.replace('<canAccessMicrophone>true', '<canAccessMicrophone>false'),
            /trusted URL Flex_Agent_Desktop: canAccessMicrophone is not true, so calls would have no audio/
        ],
        [
            'a trusted URL that does not allow framing',
            TRUSTED_URL,
            (t) => t.replace('<isApplicableToFrameSrc>true', '<isApplicableToFrameSrc>false'),
            /isApplicableToFrameSrc is not true/
        ],
        [
            'a call center adapter no trusted URL covers',
            CALL_CENTER,
            (t) => t.replaceAll('https://flex.twilio.com', 'https://flex.acme.com'),
            /no trusted URL for https:\/\/flex\.acme\.com, the adapter of call center Twilio_Flex/
        ],
        [
            'a trusted URL with a misspelt element',
            TRUSTED_URL,
            (t) => t.replace(/canAccessMicrophone/g, 'canAccessMicrophon'),
            /CspTrustedSite\.canAccessMicrophon is not an element of CspTrustedSite/
        ],
        [
            'a softphone utility item that does not start automatically',
            UTILITY_BAR,
            (t) => t.replace('<value>true</value>', '<value>false</value>'),
            /utility item opencti:softPhone must start automatically/
        ],
        [
            'malformed XML',
            SELECTION_CHANNEL,
            (t) => t.replace('</masterLabel>', '</masterLabl>'),
            /Flex_Record_Selection.*malformed XML/
        ],
        [
            'an unknown element',
            CALL_CENTER,
            (t) => t.replace('<displayName>', '<displayNam>x</displayNam><displayName>'),
            /CallCenter\.displayNam is not an element of CallCenter/
        ],
        [
            'a missing required element',
            CALL_CENTER,
            (t) => t.replace(/<displayNameLabel>.*<\/displayNameLabel>/, ''),
            /CallCenter\.displayNameLabel is required/
        ],
        [
            'a nested unknown element',
            UTILITY_BAR,
            (t) =>
                t.replace('<identifier>opencti_softPhone</identifier>', '<identifer>x</identifer>'),
            /componentInstance\.identifer is not an element of ComponentInstance/
        ],
        [
            'a boolean that is not one',
            SELECTION_CHANNEL,
            (t) => t.replace('<isExposed>true</isExposed>', '<isExposed>yes</isExposed>'),
            /isExposed must be true or false/
        ],
        [
            'a softphone taller than Lightning allows',
            CALL_CENTER,
            (t) => t.replaceAll('800', '3000'),
            /reqSoftphoneHeight must be a whole number from 240 to 2560/
        ],
        [
            'an adapter over http',
            CALL_CENTER,
            (t) => t.replaceAll('https://flex.twilio.com', 'http://flex.twilio.com'),
            /reqAdapterUrl must use https/
        ],
        [
            'Classic compatibility mode',
            CALL_CENTER,
            (t) => t.replaceAll('Lightning', 'Classic'),
            /reqSalesforceCompatibilityMode must be Lightning or Classic_and_Lightning/
        ],
        [
            'customSettings that drifted',
            CALL_CENTER,
            (t) => t.replace('&quot;420&quot;', '&quot;400&quot;'),
            /customSettings\.reqSoftphoneWidth is "400" but the item says "420"/
        ],
        [
            'customSettings a formatter broke',
            CALL_CENTER,
            (t) => t.replace('{&quot;', '{ &quot; '),
            /customSettings\.reqAdapterUrl is undefined/
        ],
        [
            'a reserved custom item',
            CALL_CENTER,
            (t) => t.replace('<name>reqDescription</name>', '<name>reqSecret</name>'),
            /reqGeneralInfo\/reqSecret.*neither a Salesforce item/
        ],
        [
            'a channel field renamed on one side',
            SELECTION_CHANNEL,
            (t) => t.replace('<fieldName>recordName</fieldName>', '<fieldName>name</fieldName>'),
            /has field name, which its contract does not[\s\S]*lacks field recordName/
        ],
        [
            'a dial request field dropped from the channel but not from its contract',
            DIAL_CHANNEL,
            (t) =>
                t.replace(
                    /<lightningMessageFields>\s*<description>[^<]*<\/description>\s*<fieldName>phoneNumber<\/fieldName>\s*<\/lightningMessageFields>/,
                    ''
                ),
            /lacks field phoneNumber/
        ],
        [
            'a utility bar softphone narrower than the call center',
            UTILITY_BAR,
            (t) => t.replace('<value>420</value>', '<value>300</value>'),
            /softphone width 300 differs from call center Twilio_Flex reqSoftphoneWidth 420/
        ],
        [
            'a label the LWC imports that does not exist',
            PICKER_JS,
            (t) =>
                t.replace(
                    "'@salesforce/label/c.FlexPicker_Title'",
                    "'@salesforce/label/c.FlexPicker_Titel'"
                ),
            /imports custom label FlexPicker_Titel, which does not exist/
        ],
        [
            'a design attribute that is not @api',
            PICKER_META,
            (t) => t.replace('name="objectApiNames"', 'name="objectNames"'),
            /design attribute objectNames is not an @api property/
        ],
        [
            'an app with a missing utility bar',
            APP,
            (t) =>
                t.replace(
                    '<utilityBar>Flex_Console_UtilityBar</utilityBar>',
                    '<utilityBar>Other_Bar</utilityBar>'
                ),
            /uses utility bar Other_Bar, which does not exist/
        ],
        [
            'a label description over 80 characters',
            LABELS,
            (t) => t.replace('Card title of the Flex record picker.', 'x'.repeat(81)),
            /FlexPicker_Title: shortDescription has 81 characters, at most 80/
        ],
        [
            'a utility item whose component has no targets at all',
            UTILITY_BAR,
            (t) =>
                t.replace(
                    '<componentName>c:flexRecordPicker</componentName>',
                    '<componentName>c:flexContract</componentName>'
                ),
            /uses c:flexContract, which does not target lightning__UtilityBar/
        ],
        [
            'a test file that .forceignore no longer keeps out of the package',
            '.forceignore',
            (t) => t.replace('**/__tests__/**', '').replace('**/*.test.js', ''),
            /converted package contains test file .*__tests__/
        ]
    ];

    for (const [what, file, change, expected] of cases) {
        it(`rejects ${what}`, async () => {
            const dir = await copyProject();
            dirs.push(dir);
            await edit(dir, file, change);
            const { problems } = await validateProject(dir);
            assert.match(problems.join('\n'), expected);
        });
    }
});
