// The meanings of the SDK's error codes, written into its API reference by apiReference.ts.
import type { FlexBridgeError } from './src/portEndpoint.ts';

/**
 * What each FlexBridgeError code means, for the API reference (docs/embedding-api.md). Kept out of
 * the SDK's build: the Record type makes a new code fail the type check until it has a meaning.
 */
export const ERROR_MEANINGS: Readonly<Record<FlexBridgeError['code'], string>> = {
    REFUSED:
        'Flex (or the host) would not do it, and says why in the message: a dial Flex did not place (the agent is offline or on a call, another call is connecting, or the number is not one: then `fields` is `["number"]`), or an activity the host refused (`fields`: the fields it named)',
    FAILED: 'Flex tried and could not: the outbound call did not start, or a handler threw',
    NOT_ALLOWED:
        'the admin does not allow it: an action outside `allowed_actions`, or a dial attribute outside `dial_attributes`',
    NOT_SUPPORTED:
        'that capability is off: its setting is off in Flex, or the other side has no handler for it',
    INVALID_MESSAGE:
        'a request or answer that breaks the protocol (wrong shape, too large, unknown field); nothing was done',
    UNKNOWN_METHOD: 'a method the other side does not have (another protocol version)',
    TIMEOUT:
        'no answer within the request timeout (`requestTimeoutMs`, or the admin’s `request_timeout_ms`)',
    DISCONNECTED: 'Flex is not connected at the moment (`status` says why); the call was not sent',
    ORIGIN_MISMATCH:
        'the frame answered from another origin than Flex’s, or the origin given is not an exact https origin',
    VERSION_MISMATCH: 'Flex speaks another bridge protocol version: update the SDK or the plugin',
    DESTROYED: 'destroy() was called, the signal aborted, or the iframe left the page'
};
