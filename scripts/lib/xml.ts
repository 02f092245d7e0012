// A small ordered XML tree on top of fast-xml-parser, enough to check metadata files element by element.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
    name: string;
    attributes: Record<string, string>;
    children: XmlElement[];
    text: string;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    commentPropName: '#comment'
});

/** Well-formedness problem of an XML text, or null. */
export function xmlSyntaxError(text: string): string | null {
    const result = XMLValidator.validate(text);
    return result === true ? null : `line ${result.err.line}: ${result.err.msg}`;
}

function toElement(node: OrderedNode): XmlElement | null {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (!name || name.startsWith('#') || name.startsWith('?')) {
        return null;
    }
    const content = (node[name] as OrderedNode[]) ?? [];
    const children: XmlElement[] = [];
    let text = '';
    for (const child of content) {
        if ('#text' in child) {
            text += String(child['#text']);
        } else {
            const element = toElement(child);
            if (element) {
                children.push(element);
            }
        }
    }
    return { name, attributes: node[':@'] ?? {}, children, text: children.length ? '' : text };
}

/** The root element of a well-formed XML document. */
export function parseXml(text: string): XmlElement {
    const syntaxError = xmlSyntaxError(text);
    if (syntaxError) {
        throw new Error(`malformed XML, ${syntaxError}`);
    }
    const roots = (parser.parse(text) as OrderedNode[])
        .map(toElement)
        .filter((element): element is XmlElement => element !== null);
    if (roots.length !== 1) {
        throw new Error(`expected one root element, found ${roots.length}`);
    }
    return roots[0];
}

export function childText(element: XmlElement, name: string): string | undefined {
    return element.children.find((child) => child.name === name)?.text;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
    return element.children.filter((child) => child.name === name);
}
