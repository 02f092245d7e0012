// Checks a metadata file's elements against the Metadata API type table that jsforce generates from
// Salesforce's WSDL: an element the type does not have, a required element that is missing, or a
// value of the wrong primitive type is a problem.
import { createRequire } from 'node:module';
import type { XmlElement } from './xml.ts';

interface TypeInfo {
    type: string;
    props: Record<string, string | string[]>;
    extends?: string;
}

const require = createRequire(import.meta.url);
const { ApiSchemas } = require('@jsforce/jsforce-node/lib/api/metadata/schema.js') as {
    ApiSchemas: Record<string, TypeInfo>;
};

// jsforce's table comes from an older WSDL. These elements were added to the Metadata API later
// (FlexiPage item instances replaced region-level component instances in API 47+); each is
// documented in the Metadata API Developer Guide for the version in sfdx-project.json.
const NEWER_ELEMENTS: Record<string, TypeInfo> = {
    FlexiPageRegion: {
        type: 'FlexiPageRegion',
        props: { ...ApiSchemas.FlexiPageRegion.props, itemInstances: ['ItemInstance'] }
    },
    ItemInstance: {
        type: 'ItemInstance',
        props: { componentInstance: '?ComponentInstance', fieldInstance: '?FieldInstance' }
    },
    ComponentInstance: {
        type: 'ComponentInstance',
        props: { ...ApiSchemas.ComponentInstance.props, identifier: '?string' }
    },
    // Trusted URLs: the CSP directives (API 48.0) and the Permissions-Policy features (API 59.0).
    CspTrustedSite: {
        type: 'CspTrustedSite',
        extends: 'Metadata',
        props: {
            ...ApiSchemas.CspTrustedSite.props,
            canAccessCamera: '?boolean',
            canAccessMicrophone: '?boolean',
            isApplicableToConnectSrc: '?boolean',
            isApplicableToFontSrc: '?boolean',
            isApplicableToFrameSrc: '?boolean',
            isApplicableToImgSrc: '?boolean',
            isApplicableToMediaSrc: '?boolean',
            isApplicableToStyleSrc: '?boolean'
        }
    }
};

// Elements the WSDL marks optional that a source file cannot do without.
const REQUIRED_IN_SOURCE: Record<string, string[]> = {
    CustomLabel: ['fullName']
};

// Elements whose content the table stores as an opaque string (checked elsewhere).
const OPAQUE: Record<string, string[]> = {
    LightningComponentBundle: ['targetConfigs']
};

const PRIMITIVES = new Set(['string', 'boolean', 'number', 'any']);

export function knownType(typeName: string): boolean {
    return typeName in NEWER_ELEMENTS || typeName in ApiSchemas;
}

function typeInfo(typeName: string): TypeInfo | undefined {
    return NEWER_ELEMENTS[typeName] ?? ApiSchemas[typeName];
}

/** Every property of a type, its ancestors' included. */
function propsOf(typeName: string): Record<string, string | string[]> {
    const info = typeInfo(typeName);
    if (!info) {
        return {};
    }
    return { ...(info.extends ? propsOf(info.extends) : {}), ...info.props };
}

function describe(spec: string | string[]): { type: string; required: boolean; many: boolean } {
    if (Array.isArray(spec)) {
        return { type: spec[0], required: false, many: true };
    }
    const optional = spec.startsWith('?');
    return { type: optional ? spec.slice(1) : spec, required: !optional, many: false };
}

function checkPrimitive(type: string, value: string, path: string): string | null {
    if (type === 'boolean' && value !== 'true' && value !== 'false') {
        return `${path} must be true or false, not "${value}"`;
    }
    if (type === 'number' && !/^-?\d+(\.\d+)?$/.test(value.trim())) {
        return `${path} must be a number, not "${value}"`;
    }
    return null;
}

/**
 * Problems with an element as an instance of typeName, recursively.
 * @param path where the element is, for messages
 */
export function checkElement(element: XmlElement, typeName: string, path = typeName): string[] {
    const props = propsOf(typeName);
    const problems: string[] = [];
    const opaque = OPAQUE[typeName] ?? [];
    const seen = new Map<string, number>();
    for (const child of element.children) {
        seen.set(child.name, (seen.get(child.name) ?? 0) + 1);
        const spec = props[child.name];
        const childPath = `${path}.${child.name}`;
        if (spec === undefined) {
            problems.push(`${childPath} is not an element of ${typeName}`);
            continue;
        }
        if (opaque.includes(child.name)) {
            continue;
        }
        const { type } = describe(spec);
        if (PRIMITIVES.has(type)) {
            if (child.children.length) {
                problems.push(`${childPath} must hold a value, not elements`);
            } else {
                const problem = checkPrimitive(type, child.text, childPath);
                if (problem) {
                    problems.push(problem);
                }
            }
        } else if (knownType(type)) {
            problems.push(...checkElement(child, type, childPath));
        }
    }
    for (const [name, spec] of Object.entries(props)) {
        const { required, many } = describe(spec);
        if (!many && (seen.get(name) ?? 0) > 1) {
            problems.push(
                `${path}.${name} appears ${seen.get(name)} times but ${typeName} allows one`
            );
        }
        if (required && !seen.has(name)) {
            problems.push(`${path}.${name} is required in ${typeName}`);
        }
    }
    for (const name of REQUIRED_IN_SOURCE[typeName] ?? []) {
        if (!seen.has(name)) {
            problems.push(`${path}.${name} is required in ${typeName}`);
        }
    }
    return problems;
}
