/* Custom Labels of the record picker: every text the agent reads comes from here. */
import FlexPicker_Title from '@salesforce/label/c.FlexPicker_Title';
import FlexPicker_NoInteraction from '@salesforce/label/c.FlexPicker_NoInteraction';
import FlexPicker_Customer from '@salesforce/label/c.FlexPicker_Customer';
import FlexPicker_Direction from '@salesforce/label/c.FlexPicker_Direction';
import FlexPicker_Status from '@salesforce/label/c.FlexPicker_Status';
import FlexPicker_Channel from '@salesforce/label/c.FlexPicker_Channel';
import FlexPicker_Inbound from '@salesforce/label/c.FlexPicker_Inbound';
import FlexPicker_Outbound from '@salesforce/label/c.FlexPicker_Outbound';
import FlexPicker_Unknown from '@salesforce/label/c.FlexPicker_Unknown';
import FlexPicker_StatusPending from '@salesforce/label/c.FlexPicker_StatusPending';
import FlexPicker_StatusAccepted from '@salesforce/label/c.FlexPicker_StatusAccepted';
import FlexPicker_StatusWrapping from '@salesforce/label/c.FlexPicker_StatusWrapping';
import FlexPicker_StatusCompleted from '@salesforce/label/c.FlexPicker_StatusCompleted';
import FlexPicker_StatusCanceled from '@salesforce/label/c.FlexPicker_StatusCanceled';
import FlexPicker_ChannelVoice from '@salesforce/label/c.FlexPicker_ChannelVoice';
import FlexPicker_ChannelChat from '@salesforce/label/c.FlexPicker_ChannelChat';
import FlexPicker_ChannelSms from '@salesforce/label/c.FlexPicker_ChannelSms';
import FlexPicker_ChannelEmail from '@salesforce/label/c.FlexPicker_ChannelEmail';
import FlexPicker_Linked from '@salesforce/label/c.FlexPicker_Linked';
import FlexPicker_NoneLinked from '@salesforce/label/c.FlexPicker_NoneLinked';
import FlexPicker_Pending from '@salesforce/label/c.FlexPicker_Pending';
import FlexPicker_Candidates from '@salesforce/label/c.FlexPicker_Candidates';
import FlexPicker_ChooseCandidate from '@salesforce/label/c.FlexPicker_ChooseCandidate';
import FlexPicker_LinkedBadge from '@salesforce/label/c.FlexPicker_LinkedBadge';
import FlexPicker_UseThisRecord from '@salesforce/label/c.FlexPicker_UseThisRecord';
import FlexPicker_ObjectType from '@salesforce/label/c.FlexPicker_ObjectType';
import FlexPicker_Search from '@salesforce/label/c.FlexPicker_Search';
import FlexPicker_SearchPlaceholder from '@salesforce/label/c.FlexPicker_SearchPlaceholder';
import FlexPicker_Clear from '@salesforce/label/c.FlexPicker_Clear';
import FlexPicker_Refused from '@salesforce/label/c.FlexPicker_Refused';
import FlexPicker_NoAnswer from '@salesforce/label/c.FlexPicker_NoAnswer';
import FlexPicker_UnnamedRecord from '@salesforce/label/c.FlexPicker_UnnamedRecord';

export const LABELS = Object.freeze({
    title: FlexPicker_Title,
    noInteraction: FlexPicker_NoInteraction,
    customer: FlexPicker_Customer,
    direction: FlexPicker_Direction,
    status: FlexPicker_Status,
    channel: FlexPicker_Channel,
    inbound: FlexPicker_Inbound,
    outbound: FlexPicker_Outbound,
    unknown: FlexPicker_Unknown,
    statusPending: FlexPicker_StatusPending,
    statusAccepted: FlexPicker_StatusAccepted,
    statusWrapping: FlexPicker_StatusWrapping,
    statusCompleted: FlexPicker_StatusCompleted,
    statusCanceled: FlexPicker_StatusCanceled,
    channelVoice: FlexPicker_ChannelVoice,
    channelChat: FlexPicker_ChannelChat,
    channelSms: FlexPicker_ChannelSms,
    channelEmail: FlexPicker_ChannelEmail,
    linked: FlexPicker_Linked,
    noneLinked: FlexPicker_NoneLinked,
    pending: FlexPicker_Pending,
    candidates: FlexPicker_Candidates,
    chooseCandidate: FlexPicker_ChooseCandidate,
    linkedBadge: FlexPicker_LinkedBadge,
    useThisRecord: FlexPicker_UseThisRecord,
    objectType: FlexPicker_ObjectType,
    search: FlexPicker_Search,
    searchPlaceholder: FlexPicker_SearchPlaceholder,
    clear: FlexPicker_Clear,
    refused: FlexPicker_Refused,
    noAnswer: FlexPicker_NoAnswer,
    unnamedRecord: FlexPicker_UnnamedRecord
});

const STATUS_LABELS = {
    pending: FlexPicker_StatusPending,
    accepted: FlexPicker_StatusAccepted,
    wrapping: FlexPicker_StatusWrapping,
    completed: FlexPicker_StatusCompleted,
    canceled: FlexPicker_StatusCanceled
};

const DIRECTION_LABELS = {
    inbound: FlexPicker_Inbound,
    outbound: FlexPicker_Outbound
};

const CHANNEL_LABELS = {
    voice: FlexPicker_ChannelVoice,
    chat: FlexPicker_ChannelChat,
    sms: FlexPicker_ChannelSms,
    email: FlexPicker_ChannelEmail
};

export { formatLabel } from 'c/flexLabelFormat';

/** @param {string | null} status */
export function statusLabel(status) {
    return (status && STATUS_LABELS[status]) || FlexPicker_Unknown;
}

/** @param {string | null} direction */
export function directionLabel(direction) {
    return (direction && DIRECTION_LABELS[direction]) || FlexPicker_Unknown;
}

/**
 * Known channels get a label; a custom Flex channel shows its own unique name.
 * @param {string | null} channel
 */
export function channelLabel(channel) {
    return (channel && (CHANNEL_LABELS[channel] || channel)) || FlexPicker_Unknown;
}
