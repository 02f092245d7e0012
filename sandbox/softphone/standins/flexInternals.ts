// Two internal Flex modules the sandbox needs, reached through the module table of the pinned
// @twilio/flex-ui bundle (the sandbox build exposes it; see sandbox/build/flexBundle.ts):
//   FlexModule: where Flex keeps its SDK clients (workerClient, cbmClient);
//   WorkerState.Actions.init(worker): what Flex itself runs once the TaskRouter worker is ready.
// These two calls are exactly what Flex's FlexClientManager.initTaskRouterSDK does after login,
// which cannot run offline. The module ids belong to Flex UI 2.17.1; `flexInternals()` checks
// the shapes and fails loudly if a Flex upgrade moved them.

export const FLEX_UI_VERSION = '2.17.1';
const FLEX_MODULE_ID = 67760;
const WORKER_STATE_ID = 91406;

interface FlexModule {
    workerClient: unknown;
    cbmClient: unknown;
    /** The emitter behind `manager.events`. */
    readonly events: { emit(event: string, ...args: unknown[]): boolean };
}
interface WorkerStateActions {
    init(worker: unknown): void;
}
export interface FlexInternals {
    flexModule: FlexModule;
    workerState: WorkerStateActions;
}

type ModuleRequire = (id: number) => Record<string, unknown>;

export function flexInternals(scope: Record<string, unknown> = globalThis as never): FlexInternals {
    const load = scope.__FLEX_SANDBOX_REQUIRE__ as ModuleRequire | undefined;
    if (typeof load !== 'function') {
        throw new Error('The Flex bundle was not built by the sandbox build (no module table).');
    }
    const flexModule = load(FLEX_MODULE_ID).FlexModule as FlexModule | undefined;
    const workerState = (load(WORKER_STATE_ID).Actions ?? undefined) as
        (WorkerStateActions & { addReservation?: unknown }) | undefined;
    if (
        !flexModule ||
        !('workerClient' in flexModule) ||
        typeof workerState?.init !== 'function' ||
        typeof workerState.addReservation !== 'function'
    ) {
        throw new Error(
            `Flex internals not found where Flex UI ${FLEX_UI_VERSION} keeps them; update sandbox/softphone/standins/flexInternals.ts for this Flex version.`
        );
    }
    return { flexModule, workerState };
}
