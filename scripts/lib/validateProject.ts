// Offline validation of the Salesforce DX project: every XML file well-formed, every metadata file's
// elements checked against the Metadata API type table, call center rules, the LMS contract, the
// references between components, what agents need at run time (agentAccess.ts), and a conversion
// to Metadata API format with Salesforce's own library (@salesforce/source-deploy-retrieve).
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
    ComponentSet,
    MetadataConverter,
    type SourceComponent
} from '@salesforce/source-deploy-retrieve';
import { AGENT_PERMISSION_SET, checkAgentPermissionSet, checkTrustedSites } from './agentAccess.ts';
import { checkCallCenter, generalItems, readCallCenter, type CallCenter } from './callCenter.ts';
import { checkElement, knownType } from './metadataSchema.ts';
import { packageDirectories } from './projectLayout.ts';
import { childText, childrenNamed, parseXml, type XmlElement } from './xml.ts';

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';
const LABEL_MAX = { shortDescription: 80, value: 1000 };

export interface ValidationReport {
    problems: string[];
    filesChecked: number;
    components: { type: string; fullName: string }[];
    convertedTypes: string[];
    callCenters: CallCenter[];
}

async function walk(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true });
    const files = await Promise.all(
        entries.map((entry) => {
            const full = path.join(dir, entry.name);
            return entry.isDirectory() ? walk(full) : Promise.resolve([full]);
        })
    );
    return files.flat();
}

/** The <target> names of an LWC bundle's metadata file. */
function targetsOf(bundleMeta: XmlElement): string[] {
    return childrenNamed(bundleMeta, 'targets').flatMap((targets) =>
        childrenNamed(targets, 'target').map((t) => t.text)
    );
}

/** Checks the project rooted at `root` (the folder holding sfdx-project.json). */
export async function validateProject(root: string): Promise<ValidationReport> {
    const sourceDirs = packageDirectories(root).map((dir) => path.join(root, dir));
    const problems: string[] = [];
    const rel = (file: string) => path.relative(root, file);

    // 1. Well-formed XML everywhere, tests and mocks included.
    const xmlFiles = (await Promise.all(sourceDirs.map(walk)))
        .flat()
        .filter((f) => f.endsWith('.xml'));
    const parsed = new Map<string, XmlElement>();
    for (const file of xmlFiles) {
        try {
            parsed.set(file, parseXml(await readFile(file, 'utf8')));
        } catch (error) {
            problems.push(`${rel(file)}: ${(error as Error).message}`);
        }
    }

    // 2. Each component's metadata file against its type, as Salesforce's library resolves it.
    const componentSet = ComponentSet.fromSource(sourceDirs);
    const components = componentSet.getSourceComponents().toArray();
    for (const component of components) {
        const xml = component.xml;
        const element = xml ? parsed.get(xml) : undefined;
        if (!xml || !element) {
            continue;
        }
        const typeName = component.type.name;
        if (element.name !== typeName) {
            problems.push(`${rel(xml)}: root element is ${element.name}, expected ${typeName}`);
            continue;
        }
        if (element.attributes.xmlns !== METADATA_NAMESPACE) {
            problems.push(`${rel(xml)}: root element must declare xmlns="${METADATA_NAMESPACE}"`);
        }
        if (!knownType(typeName)) {
            problems.push(`${rel(xml)}: ${typeName} is not in the Metadata API type table`);
            continue;
        }
        problems.push(...checkElement(element, typeName).map((p) => `${rel(xml)}: ${p}`));
    }

    const byType = (type: string) =>
        components.filter((c) => c.type.name === type && c.xml && parsed.has(c.xml));
    const rootOf = (xml: string | undefined): XmlElement => {
        const element = parsed.get(xml ?? '');
        if (!element) {
            throw new Error(`${xml} was not parsed`);
        }
        return element;
    };

    // 3. Call centers.
    const callCenters = byType('CallCenter').map((component) => {
        const callCenter = readCallCenter(rootOf(component.xml), component.fullName);
        problems.push(
            ...checkCallCenter(callCenter).map((p) => `${rel(component.xml ?? '')}: ${p}`)
        );
        return callCenter;
    });

    // 4. Message channels equal the contract.
    for (const channel of byType('LightningMessageChannel')) {
        problems.push(
            ...(await checkChannelAgainstContract(root, channel.fullName, rootOf(channel.xml)))
        );
    }

    // 5. References between components.
    problems.push(...(await checkReferences(root, components, rootOf, callCenters)));

    // 6. What agents need at run time: Task rights, Apex access, and the adapter framed with the
    // microphone.
    const agentPermissions = byType('PermissionSet').find(
        (c) => c.fullName === AGENT_PERMISSION_SET
    );
    const auraEnabledClasses: string[] = [];
    for (const apexClass of components.filter((c) => c.type.name === 'ApexClass')) {
        const source = apexClass.content ? await readFile(apexClass.content, 'utf8') : '';
        if (/@AuraEnabled\b/i.test(source)) auraEnabledClasses.push(apexClass.fullName);
    }
    problems.push(
        ...checkAgentPermissionSet(
            agentPermissions && rootOf(agentPermissions.xml),
            byType('CustomField')
                .map((c) => c.fullName)
                .filter((name) => name.startsWith('Activity.')),
            auraEnabledClasses
        ),
        ...checkTrustedSites(
            byType('CspTrustedSite').map((c) => ({ name: c.fullName, element: rootOf(c.xml) })),
            callCenters
        )
    );

    // 7. Conversion to Metadata API format, offline, keeping tests out.
    const convertedTypes = await convertAndInspect(componentSet, problems);

    return {
        problems,
        filesChecked: parsed.size,
        components: components.map((c) => ({ type: c.type.name, fullName: c.fullName })),
        convertedTypes,
        callCenters
    };
}

/** Problems when a channel's fields differ from its JSON Schema in contracts/lms/. */
export async function checkChannelAgainstContract(
    root: string,
    channelName: string,
    channel: XmlElement
): Promise<string[]> {
    const apiName = `${channelName}__c`;
    const schemaFile = path.join(root, 'contracts', 'lms', `${apiName}.schema.json`);
    let schema: { title?: string; properties?: Record<string, unknown> };
    try {
        schema = JSON.parse(await readFile(schemaFile, 'utf8'));
    } catch {
        return [`message channel ${apiName} has no contract at ${path.relative(root, schemaFile)}`];
    }
    const contractFields = Object.keys(schema.properties ?? {});
    const channelFields = childrenNamed(channel, 'lightningMessageFields').map(
        (f) => childText(f, 'fieldName') ?? ''
    );
    const problems = [
        ...channelFields
            .filter((f) => !contractFields.includes(f))
            .map((f) => `message channel ${apiName} has field ${f}, which its contract does not`),
        ...contractFields
            .filter((f) => !channelFields.includes(f))
            .map((f) => `message channel ${apiName} lacks field ${f}, which its contract has`)
    ];
    if (schema.title !== apiName) {
        problems.push(`contract for ${apiName} is titled ${schema.title}`);
    }
    return problems;
}

async function checkReferences(
    root: string,
    components: SourceComponent[],
    rootOf: (xml: string | undefined) => XmlElement,
    callCenters: CallCenter[]
): Promise<string[]> {
    const problems: string[] = [];
    const names = (type: string) =>
        components.filter((c) => c.type.name === type).map((c) => c.fullName);
    const bundles = components.filter((c) => c.type.name === 'LightningComponentBundle');

    // Custom labels: lengths, and every label an LWC imports exists.
    const labels = new Map<string, XmlElement>();
    for (const c of components.filter((c) => c.type.name === 'CustomLabels')) {
        for (const label of childrenNamed(rootOf(c.xml), 'labels')) {
            labels.set(childText(label, 'fullName') ?? '', label);
        }
    }
    for (const [name, label] of labels) {
        for (const [field, max] of Object.entries(LABEL_MAX)) {
            const value = childText(label, field) ?? '';
            if (value.length > max) {
                problems.push(
                    `custom label ${name}: ${field} has ${value.length} characters, at most ${max}`
                );
            }
        }
    }
    for (const bundle of bundles) {
        const bundleDir = bundle.content ?? path.dirname(bundle.xml ?? '');
        for (const file of (await walk(bundleDir)).filter(
            (f) => f.endsWith('.js') && !f.includes('__tests__')
        )) {
            const source = await readFile(file, 'utf8');
            for (const [, label] of source.matchAll(/@salesforce\/label\/c\.(\w+)/g)) {
                if (!labels.has(label)) {
                    problems.push(
                        `${path.relative(root, file)} imports custom label ${label}, which does not exist`
                    );
                }
            }
            for (const [, channel] of source.matchAll(/@salesforce\/messageChannel\/(\w+)__c/g)) {
                if (!names('LightningMessageChannel').includes(channel)) {
                    problems.push(
                        `${path.relative(root, file)} imports message channel ${channel}__c, which does not exist`
                    );
                }
            }
        }
        // Design attributes must be public properties of the component.
        const meta = rootOf(bundle.xml);
        const targets = targetsOf(meta);
        const js = await readFile(path.join(bundleDir, `${bundle.fullName}.js`), 'utf8').catch(
            () => ''
        );
        for (const config of childrenNamed(
            childrenNamed(meta, 'targetConfigs')[0] ?? meta,
            'targetConfig'
        )) {
            for (const target of (config.attributes.targets ?? '').split(',')) {
                if (!targets.includes(target.trim())) {
                    problems.push(
                        `LWC ${bundle.fullName}: targetConfig names ${target}, which is not in its targets`
                    );
                }
            }
            for (const property of childrenNamed(config, 'property')) {
                if (!new RegExp(`@api\\s+${property.attributes.name}\\b`).test(js)) {
                    problems.push(
                        `LWC ${bundle.fullName}: design attribute ${property.attributes.name} is not an @api property`
                    );
                }
            }
        }
    }

    // Apps point at utility bars that exist; permission sets at apps that exist.
    for (const app of components.filter((c) => c.type.name === 'CustomApplication')) {
        const utilityBar = childText(rootOf(app.xml), 'utilityBar');
        if (utilityBar && !names('FlexiPage').includes(utilityBar)) {
            problems.push(
                `app ${app.fullName} uses utility bar ${utilityBar}, which does not exist`
            );
        }
    }
    for (const permissionSet of components.filter((c) => c.type.name === 'PermissionSet')) {
        for (const visibility of childrenNamed(
            rootOf(permissionSet.xml),
            'applicationVisibilities'
        )) {
            const app = childText(visibility, 'application') ?? '';
            if (!names('CustomApplication').includes(app)) {
                problems.push(
                    `permission set ${permissionSet.fullName} grants app ${app}, which does not exist`
                );
            }
        }
    }

    // Field permissions name fields that exist. Activity custom fields live under Activity in
    // source but are granted as Task.X and Event.X.
    const fieldNames = new Set(names('CustomField'));
    for (const permissionSet of components.filter((c) => c.type.name === 'PermissionSet')) {
        for (const permission of childrenNamed(rootOf(permissionSet.xml), 'fieldPermissions')) {
            const field = childText(permission, 'field') ?? '';
            const [object = '', fieldName = ''] = field.split('.');
            const sourceObject = object === 'Task' || object === 'Event' ? 'Activity' : object;
            if (fieldName.endsWith('__c') && !fieldNames.has(`${sourceObject}.${fieldName}`)) {
                problems.push(
                    `permission set ${permissionSet.fullName} grants field ${field}, which does not exist`
                );
            }
        }
    }

    // Utility bar items: custom components exist and may sit in a utility bar; the softphone item
    // is as large as the call center says.
    for (const page of components.filter((c) => c.type.name === 'FlexiPage')) {
        for (const instance of flexiPageComponents(rootOf(page.xml))) {
            const componentName = childText(instance, 'componentName') ?? '';
            const decorators = new Map(
                childrenNamed(instance, 'componentInstanceProperties').map((p) => [
                    childText(p, 'name'),
                    childText(p, 'value')
                ])
            );
            if (componentName.startsWith('c:')) {
                const bundle = bundles.find((b) => b.fullName === componentName.slice(2));
                if (!bundle) {
                    problems.push(
                        `flexipage ${page.fullName} uses ${componentName}, which does not exist`
                    );
                } else if (
                    childText(rootOf(page.xml), 'type') === 'UtilityBar' &&
                    !targetsOf(rootOf(bundle.xml)).includes('lightning__UtilityBar')
                ) {
                    problems.push(
                        `flexipage ${page.fullName} uses ${componentName}, which does not target lightning__UtilityBar`
                    );
                }
            }
            // Both items must load with the console: the softphone to ring while closed, the
            // picker to follow interactions before the agent opens it.
            const startsWithConsole = ['opencti:softPhone', 'c:flexRecordPicker'];
            if (startsWithConsole.includes(componentName) && decorators.get('eager') !== 'true') {
                problems.push(
                    `flexipage ${page.fullName}: utility item ${componentName} must start automatically (decorator eager true)`
                );
            }
            if (componentName === 'opencti:softPhone') {
                for (const callCenter of callCenters) {
                    const general = generalItems(callCenter);
                    for (const [decorator, item] of [
                        ['height', 'reqSoftphoneHeight'],
                        ['width', 'reqSoftphoneWidth']
                    ]) {
                        if (decorators.get(decorator) !== general.get(item)) {
                            problems.push(
                                `flexipage ${page.fullName}: softphone ${decorator} ${decorators.get(decorator)} differs from call center ${callCenter.internalName} ${item} ${general.get(item)}`
                            );
                        }
                    }
                }
            }
        }
    }
    return problems;
}

function flexiPageComponents(page: XmlElement): XmlElement[] {
    return childrenNamed(page, 'flexiPageRegions').flatMap((region) => [
        ...childrenNamed(region, 'componentInstances'),
        ...childrenNamed(region, 'itemInstances').flatMap((item) =>
            childrenNamed(item, 'componentInstance')
        )
    ]);
}

async function convertAndInspect(
    componentSet: ComponentSet,
    problems: string[]
): Promise<string[]> {
    const outputDirectory = await mkdtemp(path.join(tmpdir(), 'flex-sf-convert-'));
    try {
        await new MetadataConverter().convert(componentSet, 'metadata', {
            type: 'directory',
            outputDirectory,
            genUniqueDir: false
        });
        const files = (await walk(outputDirectory)).map((f) => path.relative(outputDirectory, f));
        for (const file of files.filter((f) => /__tests__|\.test\.js$|jest-mocks/.test(f))) {
            problems.push(
                `converted package contains test file ${file}: .forceignore must keep it out`
            );
        }
        const manifest = parseXml(
            await readFile(path.join(outputDirectory, 'package.xml'), 'utf8')
        );
        return childrenNamed(manifest, 'types').map((t) => childText(t, 'name') ?? '');
    } catch (error) {
        problems.push(`conversion to Metadata API format failed: ${(error as Error).message}`);
        return [];
    } finally {
        await rm(outputDirectory, { recursive: true, force: true });
    }
}
