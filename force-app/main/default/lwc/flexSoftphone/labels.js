/* Custom Labels of the softphone component: every text the agent reads comes from here. */
import FlexSoftphone_FrameTitle from '@salesforce/label/c.FlexSoftphone_FrameTitle';
import FlexSoftphone_BadUrl from '@salesforce/label/c.FlexSoftphone_BadUrl';
import FlexSoftphone_NotConnected from '@salesforce/label/c.FlexSoftphone_NotConnected';
import FlexSoftphone_DialFailed from '@salesforce/label/c.FlexSoftphone_DialFailed';
import FlexSoftphone_PopOutOff from '@salesforce/label/c.FlexSoftphone_PopOutOff';
import FlexSoftphone_UtilityReady from '@salesforce/label/c.FlexSoftphone_UtilityReady';
import FlexSoftphone_UtilityConnecting from '@salesforce/label/c.FlexSoftphone_UtilityConnecting';
import FlexSoftphone_UtilityIncoming from '@salesforce/label/c.FlexSoftphone_UtilityIncoming';
import FlexSoftphone_UtilityBusy from '@salesforce/label/c.FlexSoftphone_UtilityBusy';
import FlexSoftphone_UtilityNotConnected from '@salesforce/label/c.FlexSoftphone_UtilityNotConnected';
import FlexSoftphone_UtilityOff from '@salesforce/label/c.FlexSoftphone_UtilityOff';
import FlexSoftphone_Waiting from '@salesforce/label/c.FlexSoftphone_Waiting';
import FlexSoftphone_UtilityWaiting from '@salesforce/label/c.FlexSoftphone_UtilityWaiting';

export const LABELS = Object.freeze({
    frameTitle: FlexSoftphone_FrameTitle,
    badUrl: FlexSoftphone_BadUrl,
    notConnected: FlexSoftphone_NotConnected,
    waiting: FlexSoftphone_Waiting,
    dialFailed: FlexSoftphone_DialFailed,
    popOutOff: FlexSoftphone_PopOutOff,
    /** The utility item's label, by what utilityState() says. */
    utility: Object.freeze({
        ready: FlexSoftphone_UtilityReady,
        connecting: FlexSoftphone_UtilityConnecting,
        waiting: FlexSoftphone_UtilityWaiting,
        incoming: FlexSoftphone_UtilityIncoming,
        busy: FlexSoftphone_UtilityBusy,
        notConnected: FlexSoftphone_UtilityNotConnected,
        off: FlexSoftphone_UtilityOff
    })
});

export { formatLabel as format } from 'c/flexLabelFormat';
