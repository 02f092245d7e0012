// Rules for the Open CTI call center definition (Metadata API format), and Setup's import file made
// from it, so an admin whose org cannot take the call center through the package can import it.
import { childText, childrenNamed, type XmlElement } from './xml.ts';

export interface CallCenterItem {
    name: string;
    label: string;
    value: string;
}

export interface CallCenterSection {
    name: string;
    label: string;
    items: CallCenterItem[];
}

export interface CallCenter {
    internalName: string;
    adapterUrl: string | undefined;
    customSettings: string | undefined;
    displayName: string | undefined;
    sections: CallCenterSection[];
}

// Lightning Experience limits for the softphone panel (Open CTI Developer Guide).
export const SOFTPHONE_HEIGHT = { min: 240, max: 2560 };
export const SOFTPHONE_WIDTH = { min: 200, max: 1920 };
const LIGHTNING_MODES = ['Lightning', 'Classic_and_Lightning'];
const GENERAL_INFO = 'reqGeneralInfo';
const REQUIRED_GENERAL_ITEMS = [
    'reqAdapterUrl',
    'reqUseApi',
    'reqSoftphoneHeight',
    'reqSoftphoneWidth',
    'reqSalesforceCompatibilityMode'
];
// Salesforce's own section and item names; any other name starting with "req" is reserved.
const STANDARD_SECTIONS = ['reqGeneralInfo', 'reqDialingOptions'];
const STANDARD_ITEMS = [
    'reqDescription',
    'reqAdapterUrl',
    'reqUseApi',
    'reqSoftphoneHeight',
    'reqSoftphoneWidth',
    'reqSalesforceCompatibilityMode',
    'reqStandbyUrl',
    'reqTimeout',
    'reqOutsidePrefix',
    'reqLongDistPrefix',
    'reqInternationalPrefix'
];
const CUSTOM_NAME = /^[A-Za-z0-9]{1,40}$/;

export function readCallCenter(root: XmlElement, internalName: string): CallCenter {
    return {
        internalName,
        adapterUrl: childText(root, 'adapterUrl'),
        customSettings: childText(root, 'customSettings'),
        displayName: childText(root, 'displayName'),
        sections: childrenNamed(root, 'sections').map((section) => ({
            name: childText(section, 'name') ?? '',
            label: childText(section, 'label') ?? '',
            items: childrenNamed(section, 'items').map((item) => ({
                name: childText(item, 'name') ?? '',
                label: childText(item, 'label') ?? '',
                value: childText(item, 'value') ?? ''
            }))
        }))
    };
}

export function generalItems(callCenter: CallCenter): Map<string, string> {
    const section = callCenter.sections.find((s) => s.name === GENERAL_INFO);
    return new Map((section?.items ?? []).map((item) => [item.name, item.value]));
}

function checkRange(value: string | undefined, name: string, range: { min: number; max: number }) {
    const number = Number(value);
    return /^\d+$/.test(value ?? '') && number >= range.min && number <= range.max
        ? []
        : [`${name} must be a whole number from ${range.min} to ${range.max}, not "${value}"`];
}

/** Problems that would stop the call center from working as an Open CTI softphone in Lightning. */
export function checkCallCenter(callCenter: CallCenter): string[] {
    const problems: string[] = [];
    const general = generalItems(callCenter);
    if (!callCenter.sections.some((s) => s.name === GENERAL_INFO)) {
        problems.push(`section ${GENERAL_INFO} is missing`);
    }
    for (const name of REQUIRED_GENERAL_ITEMS) {
        if (!general.has(name)) {
            problems.push(`${GENERAL_INFO}/${name} is missing`);
        }
    }
    const adapterUrl = general.get('reqAdapterUrl');
    if (adapterUrl !== undefined) {
        let protocol = '';
        try {
            protocol = new URL(adapterUrl).protocol;
        } catch {
            problems.push(`reqAdapterUrl "${adapterUrl}" is not an absolute URL`);
        }
        if (protocol && protocol !== 'https:') {
            problems.push(`reqAdapterUrl must use https for Lightning, not ${protocol}`);
        }
        if (callCenter.adapterUrl !== adapterUrl) {
            problems.push(
                `adapterUrl "${callCenter.adapterUrl}" differs from reqAdapterUrl "${adapterUrl}"`
            );
        }
    }
    if (general.has('reqUseApi') && general.get('reqUseApi') !== 'true') {
        problems.push('reqUseApi must be true: the softphone uses Open CTI');
    }
    if (general.has('reqSoftphoneHeight')) {
        problems.push(
            ...checkRange(general.get('reqSoftphoneHeight'), 'reqSoftphoneHeight', SOFTPHONE_HEIGHT)
        );
    }
    if (general.has('reqSoftphoneWidth')) {
        problems.push(
            ...checkRange(general.get('reqSoftphoneWidth'), 'reqSoftphoneWidth', SOFTPHONE_WIDTH)
        );
    }
    const mode = general.get('reqSalesforceCompatibilityMode');
    if (mode !== undefined && !LIGHTNING_MODES.includes(mode)) {
        problems.push(
            `reqSalesforceCompatibilityMode must be ${LIGHTNING_MODES.join(' or ')}, not "${mode}"`
        );
    }
    if (general.has('reqStandbyUrl') !== general.has('reqTimeout')) {
        problems.push('reqStandbyUrl and reqTimeout go together');
    }
    for (const section of callCenter.sections) {
        if (!STANDARD_SECTIONS.includes(section.name) && !CUSTOM_NAME.test(section.name)) {
            problems.push(`section name "${section.name}" must be 1-40 letters and digits`);
        }
        if (section.name.startsWith('req') && !STANDARD_SECTIONS.includes(section.name)) {
            problems.push(
                `section name "${section.name}" is reserved by Salesforce (starts with req)`
            );
        }
        for (const item of section.items) {
            if (
                item.name.startsWith('req')
                    ? !STANDARD_ITEMS.includes(item.name)
                    : !CUSTOM_NAME.test(item.name)
            ) {
                problems.push(
                    `item "${section.name}/${item.name}" is neither a Salesforce item nor a valid custom name`
                );
            }
        }
    }
    problems.push(...checkCustomSettings(callCenter.customSettings, general));
    return problems;
}

// customSettings repeats the general items as JSON; Salesforce reads it, so it must not drift.
function checkCustomSettings(
    customSettings: string | undefined,
    general: Map<string, string>
): string[] {
    if (customSettings === undefined) {
        return [];
    }
    let settings: Record<string, unknown>;
    try {
        settings = JSON.parse(customSettings);
    } catch {
        return ['customSettings is not valid JSON'];
    }
    const problems: string[] = [];
    for (const [name, value] of general) {
        if (name !== 'reqDescription' && settings[name] !== value) {
            problems.push(
                `customSettings.${name} is ${JSON.stringify(settings[name])} but the item says "${value}"`
            );
        }
    }
    for (const name of Object.keys(settings)) {
        if (!general.has(name)) {
            problems.push(`customSettings.${name} has no item in ${GENERAL_INFO}`);
        }
    }
    return problems;
}

function escapeXml(value: string): string {
    return value
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
}

/**
 * Setup's import format (Setup > Call Centers > Import) for the same call center. Its general
 * section also carries the internal and display names, which Metadata API keeps elsewhere.
 */
export function toImportXml(callCenter: CallCenter): string {
    const lines = [
        '<!-- Generated from the call center metadata by npm run build. Do not edit. -->',
        '<callCenter>'
    ];
    callCenter.sections.forEach((section, sectionIndex) => {
        const items =
            section.name === GENERAL_INFO
                ? [
                      {
                          name: 'reqInternalName',
                          label: 'InternalName',
                          value: callCenter.internalName
                      },
                      {
                          name: 'reqDisplayName',
                          label: 'Display Name',
                          value: callCenter.displayName ?? ''
                      },
                      ...section.items
                  ]
                : section.items;
        lines.push(
            `    <section sortOrder="${sectionIndex}" name="${escapeXml(section.name)}" label="${escapeXml(section.label)}">`
        );
        items.forEach((item, itemIndex) => {
            lines.push(
                `        <item sortOrder="${itemIndex}" name="${escapeXml(item.name)}" label="${escapeXml(item.label)}">${escapeXml(item.value)}</item>`
            );
        });
        lines.push('    </section>');
    });
    lines.push('</callCenter>', '');
    return lines.join('\n');
}
