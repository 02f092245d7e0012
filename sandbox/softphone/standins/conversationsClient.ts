// Stand-in for the part of Flex's CBM client (@twilio/flex-sdk) that task actions go through:
// Flex's AcceptTask (non-voice), WrapupTask and CompleteTask call it with the reservation, and
// the real service forwards to TaskRouter. Here it forwards to the TaskRouter stand-in.
import type { SandboxReservation } from './taskRouter.ts';

export function createCbmClient() {
    return {
        acceptReservation: (reservation: SandboxReservation) => reservation.accept(),
        rejectReservation: (reservation: SandboxReservation) => reservation.reject(),
        wrapReservation: (reservation: SandboxReservation) => reservation.wrap(),
        completeReservation: (reservation: SandboxReservation) => reservation.complete(),
        getParticipants: async () => [],
        getChannels: async () => []
    };
}
