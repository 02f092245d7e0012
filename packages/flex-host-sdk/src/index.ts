/*
 * flex-host-sdk: embed Twilio Flex in your web app and talk to it safely.
 * See docs/embedding.md in the repository for the guide.
 */
export { mountFlex, FLEX_FRAME_ALLOW, type MountOptions } from './mountFlex.ts';
export {
    connectFlex,
    type ConnectOptions,
    type ConnectionEvents,
    type ConnectionStatus,
    type DialOptions,
    type FlexConnection,
    type HostHandlers,
    type StatusChange
} from './hostConnection.ts';
export { FlexBridgeError } from './portEndpoint.ts';
export {
    PROTOCOL_VERSION,
    type Activity,
    type ActivityChanges,
    type AttributeValue,
    type Availability,
    type BridgeRecord,
    type ChooserState,
    type Customer,
    type Direction,
    type Interaction,
    type InteractionEventName,
    type InteractionStatus,
    type PresenceCause
} from './protocol.ts';

import { FlexBridgeError } from './portEndpoint.ts';

/**
 * Throw this from saveActivity to refuse an activity: Flex keeps it and shows the agent `reason`
 * (and lets them save it without the `fields` you name).
 */
export function refuse(reason: string, fields: readonly string[] = []): FlexBridgeError {
    return new FlexBridgeError('REFUSED', reason, fields);
}
