// Compile-time check (run by `npm run typecheck`) that the TaskRouter stand-in has the shape of the
// real SDK's Worker, Reservation, Task and Activity, from twilio-taskrouter's own type definitions
// (the version @twilio/flex-ui depends on), event-emitter methods included; event names are checked
// separately below.
import type {
    Activity,
    IncomingTransfer,
    OutgoingTransfer,
    Reservation,
    Task,
    Worker
} from 'twilio-taskrouter';
import type {
    SandboxActivity,
    SandboxReservation,
    SandboxTask,
    SandboxWorker,
    ReservationEventName,
    ReservationStatus,
    TaskEventName,
    TaskStatus,
    WorkerEventName
} from './taskRouter.ts';
import type { SandboxIncomingTransfer, SandboxOutgoingTransfer } from './taskTransfer.ts';

type EventNames<T extends { on: (event: never, ...rest: never[]) => unknown }> = Parameters<
    T['on']
>[0];

/** Compiles only when A is assignable to B. */
type Assignable<A extends B, B> = A;

export type TaskShape = Assignable<SandboxTask, Task>;
export type ReservationShape = Assignable<SandboxReservation, Reservation>;
export type ActivityShape = Assignable<SandboxActivity, Activity>;
export type WorkerShape = Assignable<SandboxWorker, Worker>;
export type WorkerActivities = Assignable<SandboxWorker['activities'], Map<string, Activity>>;
export type WorkerActivity = Assignable<SandboxWorker['activity'], Activity>;
export type IncomingTransferShape = Assignable<SandboxIncomingTransfer, IncomingTransfer>;
export type OutgoingTransferShape = Assignable<SandboxOutgoingTransfer, OutgoingTransfer>;
export type ReservationTransfer = Assignable<
    NonNullable<SandboxReservation['transfer']>,
    IncomingTransfer
>;

// Statuses: the same sets both ways, so a state the SDK has cannot be missing here.
export type ReservationStatuses = Assignable<ReservationStatus, Reservation['status']>;
export type SdkReservationStatuses = Assignable<Reservation['status'], ReservationStatus>;
export type TaskStatuses = Assignable<TaskStatus, Task['status']>;
export type SdkTaskStatuses = Assignable<Task['status'], TaskStatus>;

// Every event the stand-in emits is one the SDK declares for that object.
export type WorkerEvents = Assignable<WorkerEventName, EventNames<Worker>>;
export type ReservationEvents = Assignable<ReservationEventName, EventNames<Reservation>>;
export type TaskEvents = Assignable<TaskEventName, EventNames<Task>>;

// The check can fail: a reservation with a status the SDK does not have is refused.
// @ts-expect-error 'on-hold' is not a TaskRouter reservation status
export type Refused = Assignable<{ status: 'on-hold' }, Pick<Reservation, 'status'>>;
// @ts-expect-error 'reservationAccepted' is not a Worker event
export type RefusedEvent = Assignable<'reservationAccepted', EventNames<Worker>>;
