// The harness's one use of private Flex API: FlexModule bound to the harness store, as Manager does.
import * as Flex from '@twilio/flex-ui';
import { ACTIVITIES, createHarness } from './flexHarness';

test("Flex's own SetActivity payload step reads the activities from the harness store", async () => {
    const h = createHarness();
    const seen: unknown[] = [];
    const listener = (payload: unknown) => void seen.push({ ...(payload as object) });
    Flex.Actions.addListener('beforeSetActivity', listener);
    try {
        await Flex.Actions.invokeAction('SetActivity', { activityName: 'Break' });
    } finally {
        Flex.Actions.removeListener('beforeSetActivity', listener);
    }
    const breakSid = [...ACTIVITIES.values()].find((a) => a.name === 'Break')?.sid;
    expect(seen).toEqual([
        expect.objectContaining({
            activitySid: breakSid,
            activityName: 'Break',
            activityAvailable: false,
            options: { rejectPendingReservations: false }
        })
    ]);
    expect(h.state.activity).toEqual({ name: 'Break', available: false });
});
