/*
 * Sandbox stand-in for lightning/messageService: the record picker's publish/subscribe go to the
 * console's LMS bus, which the softphone's Open CTI subscriptions share.
 */
const bus = () => window.sandboxConsole.lms;
const channelName = (channel) => (typeof channel === 'string' ? channel : channel?.channelName);

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

export class MessageContext {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }
    connect() {
        this.dataCallback({ sandbox: true });
    }
    disconnect() {}
    update() {}
}

export function createMessageContext() {
    return { sandbox: true };
}
export function releaseMessageContext() {}

export function subscribe(messageContext, channel, listener) {
    return bus().subscribe(channelName(channel), listener, 'recordPicker');
}

export function unsubscribe(subscription) {
    bus().unsubscribe(subscription);
}

export function publish(messageContext, channel, message) {
    bus().publish(channelName(channel), message, 'recordPicker');
}
