/*
 * Mounts the package's real LWCs into the console: the record picker and Flex Presence Sync in their
 * utility panels, and,
 * when the console runs Salesforce without Open CTI (?salesforce=lwc), the Flex Softphone in the
 * phone utility and Call with Flex above the record page, following the open record.
 */
import { createElement } from 'lwc';
import FlexRecordPicker from 'c/flexRecordPicker';
import FlexSoftphone from 'c/flexSoftphone';
import FlexCallButton from 'c/flexCallButton';
import FlexPresenceSync from 'c/flexPresenceSync';
import { mountPresenceShell } from './auraShell';

/* eslint-disable @lwc/lwc/no-document-query -- the page mounting the components, not a component */
const picker = document.getElementById('record-picker-root');
if (picker) {
    picker.appendChild(createElement('c-flex-record-picker', { is: FlexRecordPicker }));
}

const sandbox = window.sandboxConsole;

// Presence sync: the Flex Presence Sync utility in the Omni-Channel panel, inside its Aura shell.
const presenceRoot = document.getElementById('presence-sync-root');
if (sandbox?.omni && presenceRoot) {
    const presence = createElement('c-flex-presence-sync', { is: FlexPresenceSync });
    mountPresenceShell(presence, sandbox.omni);
    presence.addEventListener('lightning__showtoast', (event) => sandbox.toast(event.detail));
    presenceRoot.appendChild(presence);
}
const softphoneRoot = document.getElementById('flex-softphone-root');
if (sandbox?.mode === 'lwc' && softphoneRoot) {
    const softphone = createElement('c-flex-softphone', { is: FlexSoftphone });
    softphone.flexUrl = sandbox.lwcFlexUrl;
    softphone.searchObjects = 'Contact,Lead,Account';
    softphone.handshakeTimeoutMs = 30000;
    softphoneRoot.appendChild(softphone);

    const callRoot = document.getElementById('call-with-flex-root');
    let callButton = null;
    sandbox.onPageReference((reference) => {
        callButton?.remove();
        callButton = null;
        const recordId = reference?.attributes?.recordId;
        if (!callRoot || !recordId) return;
        callButton = createElement('c-flex-call-button', { is: FlexCallButton });
        callButton.recordId = recordId;
        callButton.objectApiName = reference.attributes.objectApiName;
        callRoot.appendChild(callButton);
    });
}
