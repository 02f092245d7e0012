/*
 * What the utility bar item shows for the bridge's connection and the agent's interaction: its
 * label, icon, icon colour and highlight. Pure.
 */

/** @type {Record<string, {label: string, icon: string}>} */
const CONNECTION = {
    connecting: { label: 'connecting', icon: 'sync' },
    waiting: { label: 'waiting', icon: 'user' },
    connected: { label: 'ready', icon: 'call' },
    disconnected: { label: 'notConnected', icon: 'warning' },
    destroyed: { label: 'off', icon: 'end_call' }
};

const BUSY = ['accepted', 'wrapping'];

/**
 * @param {string} connection the SDK's connection status
 * @param {string|null} interactionStatus the current interaction's status, if any
 * @returns {{label: string, icon: string, iconVariant: string, highlighted: boolean}} `label`
 *     names the text in LABELS.utility
 */
export function utilityState(connection, interactionStatus) {
    const base = CONNECTION[connection] ?? CONNECTION.disconnected;
    const busy = connection === 'connected' && BUSY.includes(interactionStatus ?? '');
    const ringing = connection === 'connected' && interactionStatus === 'pending';
    return {
        label: busy ? 'busy' : ringing ? 'incoming' : base.label,
        icon: busy || ringing ? 'call' : base.icon,
        iconVariant: connection === 'disconnected' ? 'warning' : '',
        highlighted: ringing || connection === 'disconnected'
    };
}
