// The TaskRouter stand-in transfers as TaskRouter and its SDK do (docs/reference/flex.md,
// "Transfers"): the receiving worker gets a new reservation on the same task, with the task's
// attributes (a linked record among them); both sides carry the transfer's facts; the transfer ends
// once, completed, failed or canceled; a cold one sends the sender's reservation to wrap-up.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    SANDBOX_QUEUE_SID,
    SandboxWorker,
    SandboxWorkspace,
    type SandboxReservation
} from './taskRouter.ts';
import type { SandboxOutgoingTransfer } from './taskTransfer.ts';

const BOB = 'WK' + 'b0b'.padEnd(32, '0');
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Alice on a call with a linked record, and Bob available in the same workspace. */
async function aliceOnACall() {
    const workspace = new SandboxWorkspace();
    const alice = new SandboxWorker(SandboxWorker.AGENT_SID, workspace);
    const bob = new SandboxWorker(BOB, workspace);
    const toBob: SandboxReservation[] = [];
    bob.on('reservationCreated', (reservation) => toBob.push(reservation as SandboxReservation));
    const reservation = alice.offer({
        attributes: { from: '+14155550123', sfdcObjectId: '003000000000001AAA' },
        channel: 'voice'
    });
    await reservation.accept();
    const events: string[] = [];
    reservation.on('wrapup', () => events.push('alice wrapup'));
    let outgoing: SandboxOutgoingTransfer | null = null;
    reservation.task.on('transferInitiated', (transfer) => {
        outgoing = transfer as SandboxOutgoingTransfer;
        events.push('transferInitiated');
        for (const name of ['completed', 'failed', 'canceled', 'attemptFailed']) {
            outgoing.on(name, () => events.push(`transfer ${name}`));
        }
    });
    return {
        alice,
        bob,
        reservation,
        toBob,
        events,
        outgoing: () => outgoing as SandboxOutgoingTransfer | null
    };
}

describe('TaskRouter stand-in: transfers', () => {
    it('a cold transfer to a worker: a new reservation on the same task, the facts on both sides', async () => {
        const { alice, reservation, toBob, events, outgoing } = await aliceOnACall();
        await reservation.task.transfer(BOB, { mode: 'COLD' });
        assert.equal(toBob.length, 1);
        const bobs = toBob[0] as SandboxReservation;
        assert.equal(bobs.task.sid, reservation.task.sid, 'the same task');
        assert.notEqual(bobs.sid, reservation.sid, 'a reservation of its own');
        assert.notEqual(bobs.task, reservation.task, "each worker's own view");
        assert.deepEqual(bobs.task.attributes, reservation.task.attributes);
        assert.equal(bobs.status, 'pending');
        assert.equal(bobs.task.status, 'reserved');
        const facts = {
            mode: 'COLD',
            type: 'WORKER',
            to: BOB,
            reservationSid: reservation.sid,
            workerSid: alice.sid,
            status: 'INITIATED'
        };
        assert.deepEqual(pick(bobs.task.transfers.incoming), facts);
        assert.equal(bobs.transfer, bobs.task.transfers.incoming);
        assert.deepEqual(pick(reservation.task.transfers.outgoing), facts);
        assert.match(outgoing()?.sid ?? '', /^TT[0-9a-f]{32}$/);
        assert.equal(bobs.task.transfers.incoming?.sid, outgoing()?.sid);
        assert.deepEqual(events, ['transferInitiated']);

        await bobs.accept();
        assert.equal(outgoing()?.status, 'COMPLETED');
        assert.equal(bobs.task.transfers.incoming?.status, 'COMPLETE');
        assert.equal(reservation.status, 'wrapping', 'cold: the sender goes to wrap-up');
        assert.deepEqual(events, ['transferInitiated', 'transfer completed', 'alice wrapup']);
    });

    it('a warm transfer (the default): the sender stays on the call until they leave it', async () => {
        const { reservation, toBob, events } = await aliceOnACall();
        await reservation.task.transfer(BOB);
        const bobs = toBob[0] as SandboxReservation;
        assert.equal(bobs.task.transfers.incoming?.mode, 'WARM');
        await bobs.accept();
        assert.equal(reservation.status, 'accepted');
        assert.deepEqual(events, ['transferInitiated', 'transfer completed']);
        await reservation.wrap();
        assert.equal(reservation.status, 'wrapping');
    });

    it('to a queue: an available worker other than the sender is reserved', async () => {
        const { reservation, toBob } = await aliceOnACall();
        await reservation.task.transfer(SANDBOX_QUEUE_SID, { mode: 'COLD' });
        const bobs = toBob[0] as SandboxReservation;
        assert.equal(bobs.workerSid, BOB);
        assert.equal(bobs.task.transfers.incoming?.type, 'QUEUE');
        assert.equal(bobs.task.transfers.incoming?.to, SANDBOX_QUEUE_SID);
    });

    it('rejected by the receiver: the transfer fails once and the sender keeps the call', async () => {
        const { reservation, toBob, events, outgoing } = await aliceOnACall();
        await reservation.task.transfer(BOB, { mode: 'COLD' });
        await (toBob[0] as SandboxReservation).reject();
        assert.equal(outgoing()?.status, 'FAILED');
        assert.match(outgoing()?.transferFailedReason ?? '', /rejected/);
        assert.equal(reservation.status, 'accepted');
        assert.deepEqual(events, ['transferInitiated', 'transfer failed']);
    });

    it('canceled by the sender: the pending reservation is rescinded, and it cannot end twice', async () => {
        const { reservation, toBob, events, outgoing } = await aliceOnACall();
        await reservation.task.transfer(BOB);
        const bobs = toBob[0] as SandboxReservation;
        await outgoing()?.cancel();
        assert.equal(bobs.status, 'rescinded');
        assert.equal(outgoing()?.status, 'CANCELED');
        await assert.rejects(outgoing()?.cancel() ?? Promise.resolve(), /is CANCELED/);
        assert.deepEqual(events, ['transferInitiated', 'transfer canceled']);
    });

    it('to a worker who is not available: the transfer fails with the reason, nobody is reserved', async () => {
        const { bob, reservation, toBob, outgoing } = await aliceOnACall();
        const offline = bob.activityNamed('Offline');
        assert.ok(offline);
        await offline.setAsCurrent();
        await reservation.task.transfer(BOB);
        assert.deepEqual(toBob, []);
        assert.equal(outgoing()?.status, 'FAILED');
        assert.match(outgoing()?.transferFailedReason ?? '', /not available/);
    });

    it("one task, every worker's view: a write through either reaches the other", async () => {
        const { reservation, toBob } = await aliceOnACall();
        await reservation.task.transfer(BOB, { attributes: { from: '+14155550123', note: 'VIP' } });
        const bobs = toBob[0] as SandboxReservation;
        assert.deepEqual({ ...bobs.task.attributes }, { from: '+14155550123', note: 'VIP' });
        assert.deepEqual(
            { ...reservation.task.attributes },
            { ...bobs.task.attributes },
            'the transfer replaced them'
        );
        let heard = 0;
        reservation.task.on('updated', () => (heard += 1));
        await bobs.task.setAttributes({
            ...bobs.task.attributes,
            sfdcObjectId: '001000000000001AAA'
        });
        await settle();
        assert.equal(reservation.task.attributes.sfdcObjectId, '001000000000001AAA');
        assert.equal(heard, 1);
    });

    it('refuses what TaskRouter refuses: no target, a SID of another kind, a task not accepted', async () => {
        const { reservation } = await aliceOnACall();
        await assert.rejects(reservation.task.transfer(undefined as unknown as string), TypeError);
        await assert.rejects(reservation.task.transfer('WA' + '0'.repeat(32)), /neither a Worker/);
        const pending = new SandboxWorker('WK' + 'c'.repeat(32)).offer({
            attributes: {},
            channel: 'voice'
        });
        await assert.rejects(pending.task.transfer(BOB), /only by a worker who accepted it/);
    });
});

/** The transfer facts both sides must agree on. */
function pick(transfer: object | null): Record<string, unknown> | null {
    if (!transfer) return null;
    const { mode, type, to, reservationSid, workerSid, status } = transfer as Record<
        string,
        unknown
    >;
    return { mode, type, to, reservationSid, workerSid, status };
}
