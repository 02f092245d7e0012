// Builds a logged-in Flex Manager without Twilio's servers. `Manager.create()` authenticates and
// fetches the account's configuration, which cannot happen offline; everything after that is
// Flex's own code: its documented custom-store API (FlexReducer, applyFlexMiddleware,
// flexStoreEnhancer), `new Manager(config, store)`, and the login action its reducer expects.
// Private fields set here (_instance, _serviceConfiguration) belong to Flex UI 2.17.1.
import type * as FlexSdk from '@twilio/flex-ui';
import type * as ReduxSdk from 'redux';
import { SANDBOX_QUEUE_SID, SANDBOX_WORKFLOW_SID } from './standins/taskRouter.ts';

type Flex = typeof FlexSdk;
type Redux = typeof ReduxSdk;

export interface SandboxManagerOptions {
    flex: Flex;
    redux: Redux;
    /** ui_attributes of the Flex Configuration API, custom_data included. */
    configuration: Record<string, unknown>;
    offlineActivitySid: string;
}

export const SANDBOX_CALLER_ID = '+15550109999';

/**
 * What a Flex account's outbound calling set-up holds (Console → Flex → Manage → Voice; the
 * Configuration API's outbound_call_flows): the admin guide's step 2.4 names the same keys.
 */
export const SANDBOX_OUTBOUND_CALL_FLOWS = {
    default: {
        enabled: true,
        caller_id: SANDBOX_CALLER_ID,
        queue_sid: SANDBOX_QUEUE_SID,
        workflow_sid: SANDBOX_WORKFLOW_SID,
        location: 'US'
    }
};

export function createSandboxManager({
    flex,
    redux,
    configuration,
    offlineActivitySid
}: SandboxManagerOptions): FlexSdk.Manager {
    const reducers = redux.combineReducers({ flex: flex.FlexReducer });
    const store = redux.createStore(
        reducers,
        redux.compose(flex.applyFlexMiddleware('memory'), flex.flexStoreEnhancer) as never
    );
    const manager = new flex.Manager(configuration as FlexSdk.Config, store as never);
    const internals = manager as unknown as Record<string, unknown>;
    // Flex exports a subclass of its Manager; internal code asks the base class for the instance.
    const managerClasses = [flex.Manager, Object.getPrototypeOf(flex.Manager)] as Record<
        string,
        unknown
    >[];
    internals._serviceConfiguration = {
        account_sid: 'AC' + '0'.repeat(32),
        taskrouter_offline_activity_sid: offlineActivitySid,
        outbound_call_flows: SANDBOX_OUTBOUND_CALL_FLOWS,
        ui_attributes: configuration
    };
    managerClasses.forEach((managerClass) => {
        managerClass._instance = manager;
        managerClass._proxiedInstance = manager;
    });
    manager.strings = { ...flex.languages.default } as never;
    store.dispatch({
        type: 'FLEX_ACTION_LOGIN_FULFILLED',
        payload: {
            tokenPayload: {
                token: 'sandbox-token',
                identity: 'sandbox.agent',
                roles: ['agent'],
                expiration: new Date(Date.now() + 24 * 3600 * 1000).toISOString(),
                valid: true,
                permissions: { agentDesktopView: true }
            }
        }
    });
    return manager;
}
