/* Mounts the package's real record picker LWC into the console's utility bar panel. */
import { createElement } from 'lwc';
import FlexRecordPicker from 'c/flexRecordPicker';

// eslint-disable-next-line @lwc/lwc/no-document-query -- the page mounting the component, not a component
const target = document.getElementById('record-picker-root');
if (target) {
    target.appendChild(createElement('c-flex-record-picker', { is: FlexRecordPicker }));
}
