import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkElement, knownType } from './metadataSchema.ts';
import { parseXml, xmlSyntaxError } from './xml.ts';

const channel = (body: string) =>
    parseXml(
        `<LightningMessageChannel xmlns="http://soap.sforce.com/2006/04/metadata">${body}</LightningMessageChannel>`
    );

describe('Metadata API type table', () => {
    it('knows the types the package ships, and the newer FlexiPage elements', () => {
        for (const type of [
            'CallCenter',
            'LightningMessageChannel',
            'CustomApplication',
            'FlexiPage',
            'ItemInstance',
            'PermissionSet',
            'CustomLabels'
        ]) {
            assert.ok(knownType(type), type);
        }
        assert.equal(knownType('CallCentre'), false);
    });

    it('accepts a valid element', () => {
        const xml = channel(
            '<masterLabel>X</masterLabel><isExposed>false</isExposed><lightningMessageFields><fieldName>a</fieldName></lightningMessageFields><lightningMessageFields><fieldName>b</fieldName></lightningMessageFields>'
        );
        assert.deepEqual(checkElement(xml, 'LightningMessageChannel'), []);
    });

    it('reports unknown, missing, repeated and mistyped elements with their path', () => {
        const xml = channel(
            '<isExposed>maybe</isExposed><isExposed>true</isExposed><colour>red</colour><lightningMessageFields><description>d</description></lightningMessageFields>'
        );
        assert.deepEqual(checkElement(xml, 'LightningMessageChannel'), [
            'LightningMessageChannel.isExposed must be true or false, not "maybe"',
            'LightningMessageChannel.colour is not an element of LightningMessageChannel',
            'LightningMessageChannel.lightningMessageFields.fieldName is required in LightningMessageField',
            'LightningMessageChannel.isExposed appears 2 times but LightningMessageChannel allows one',
            'LightningMessageChannel.masterLabel is required in LightningMessageChannel'
        ]);
    });

    it('takes inherited elements (fullName from Metadata) and requires a label name in source', () => {
        const labels = parseXml(
            '<CustomLabels><labels><fullName>A</fullName><language>en_US</language><protected>false</protected><shortDescription>s</shortDescription><value>v</value></labels><labels><language>en_US</language><protected>false</protected><shortDescription>s</shortDescription><value>v</value></labels></CustomLabels>'
        );
        assert.deepEqual(checkElement(labels, 'CustomLabels'), [
            'CustomLabels.labels.fullName is required in CustomLabel'
        ]);
    });

    it('tells malformed XML from well-formed', () => {
        assert.equal(xmlSyntaxError('<a><b></a>')?.startsWith('line 1'), true);
        assert.equal(xmlSyntaxError('<a><b/></a>'), null);
        assert.throws(() => parseXml('<a>'), /malformed XML/);
    });
});
