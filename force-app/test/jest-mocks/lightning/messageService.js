/*
 * A working Lightning Message Service for Jest, replacing sfdx-lwc-jest's all-jest.fn() stub:
 * publish delivers to every subscriber of the channel, unsubscribe stops delivery, and
 * every call is a jest.fn so tests can assert on what was published.
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

export const MessageContext = createTestWireAdapter(jest.fn());
export const createMessageContext = jest.fn(() => ({}));
export const releaseMessageContext = jest.fn();

const subscribers = new Map();

export const subscribe = jest.fn((messageContext, channel, handler, options) => {
    const subscription = { channel, handler, scope: options?.scope };
    if (!subscribers.has(channel)) {
        subscribers.set(channel, new Set());
    }
    subscribers.get(channel).add(subscription);
    return subscription;
});

export const unsubscribe = jest.fn((subscription) => {
    if (subscription) {
        subscribers.get(subscription.channel)?.delete(subscription);
    }
});

export const publish = jest.fn((messageContext, channel, message) => {
    // LMS delivers a copy; handlers must not share the publisher's object.
    const copy = message === undefined ? undefined : JSON.parse(JSON.stringify(message));
    [...(subscribers.get(channel) ?? [])].forEach((subscription) => subscription.handler(copy));
});

/** Test helper: the number of live subscriptions on a channel. */
export function subscriberCount(channel) {
    return subscribers.get(channel)?.size ?? 0;
}

/** Test helper: forget every subscription (call in afterEach). */
export function resetSubscribers() {
    subscribers.clear();
}
