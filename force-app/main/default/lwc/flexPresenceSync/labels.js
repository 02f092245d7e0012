/* Custom Labels of Flex Presence Sync: every text the agent reads comes from here. */
import FlexPresence_Title from '@salesforce/label/c.FlexPresence_Title';
import FlexPresence_State from '@salesforce/label/c.FlexPresence_State';
import FlexPresence_Unknown from '@salesforce/label/c.FlexPresence_Unknown';
import FlexPresence_LoggedOut from '@salesforce/label/c.FlexPresence_LoggedOut';
import FlexPresence_Refused from '@salesforce/label/c.FlexPresence_Refused';
import FlexPresence_Off from '@salesforce/label/c.FlexPresence_Off';
import FlexPresence_BadMessage from '@salesforce/label/c.FlexPresence_BadMessage';
import FlexPresence_FlexSilent from '@salesforce/label/c.FlexPresence_FlexSilent';

export const LABELS = Object.freeze({
    title: FlexPresence_Title,
    state: FlexPresence_State,
    unknown: FlexPresence_Unknown,
    loggedOut: FlexPresence_LoggedOut,
    refused: FlexPresence_Refused,
    off: FlexPresence_Off,
    badMessage: FlexPresence_BadMessage,
    flexSilent: FlexPresence_FlexSilent
});

export { formatLabel as format } from 'c/flexLabelFormat';
