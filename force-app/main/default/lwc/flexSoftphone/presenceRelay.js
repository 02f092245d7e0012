/*
 * Presence sync without Open CTI: the Flex Presence Sync utility speaks Flex_Presence__c, and Flex
 * here is reached over the bridge, so this component relays between the two: setFlexActivity →
 * the bridge's setActivity, queryFlexActivity → getState, and Flex's presence events → flexActivity
 * messages. Both sides are checked against their contracts before anything is relayed.
 */
import { flexActivityMessage, validatePresenceMessage } from 'c/flexContract';

/**
 * Relays a Flex_Presence__c message to Flex; `answer` publishes a flexActivity message back.
 * @param {unknown} message
 * @param {any} connection the host SDK's connection to Flex, or null before it connects
 * @param {(message: object) => void} answer
 */
export function relayToFlex(message, connection, answer) {
    const checked = validatePresenceMessage(message);
    if (!checked.ok || !connection) return;
    const { type, activity, basedOn } = checked.value;
    if (type === 'setFlexActivity') {
        // Flex tells the agent when it cannot; the outcome comes back as a presence event.
        connection.setActivity(activity, basedOn).catch(() => {});
    } else if (type === 'queryFlexActivity') {
        connection
            .getState()
            .then((state) => {
                // What Flex reports is checked like anything else: the channel never carries
                // what its schema does not allow.
                const reply = presenceMessageOf({
                    activity: state?.availability?.activity,
                    cause: 'current'
                });
                if (reply) answer(reply);
            })
            .catch(() => {});
    }
}

/**
 * Flex's presence event as a Flex_Presence__c message, or null when it would break the contract.
 * @param {{activity: string, cause: 'agent' | 'sync' | 'current'}} event
 */
export function presenceMessageOf(event) {
    const message = flexActivityMessage(event?.activity, event?.cause);
    return validatePresenceMessage(message).ok ? message : null;
}
