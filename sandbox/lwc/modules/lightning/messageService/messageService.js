/*
 * Sandbox stand-in for lightning/messageService: the components' publish/subscribe go to the
 * console's LMS bus, which the softphone's Open CTI subscriptions share. Each component's message
 * context is its own owner on the bus, so components hear each other (the softphone LWC and the
 * picker) but not their own messages.
 */
const bus = () => window.sandboxConsole.lms;
const channelName = (channel) => (typeof channel === 'string' ? channel : channel?.channelName);

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

let contexts = 0;
const newContext = () => ({ sandbox: true, owner: `component-${(contexts += 1)}` });
const ownerOf = (messageContext) => messageContext?.owner ?? 'component';

export class MessageContext {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }
    connect() {
        this.dataCallback(newContext());
    }
    disconnect() {}
    update() {}
}

export function createMessageContext() {
    return newContext();
}
export function releaseMessageContext() {}

export function subscribe(messageContext, channel, listener) {
    return bus().subscribe(channelName(channel), listener, ownerOf(messageContext));
}

export function unsubscribe(subscription) {
    bus().unsubscribe(subscription);
}

export function publish(messageContext, channel, message) {
    bus().publish(channelName(channel), message, ownerOf(messageContext));
}
