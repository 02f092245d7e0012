// The TaskRouter stand-in behaves as the SDK documents: a routed task arrives as a pending
// reservation, transitions emit the SDK's events and refuse illegal moves, finished reservations
// leave the worker, and attribute writes replace the attributes object. (taskRouter.types.ts checks
// the shapes against twilio-taskrouter's type definitions.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SANDBOX_QUEUE_SID, SANDBOX_WORKFLOW_SID, SandboxWorker } from './taskRouter.ts';

const SID = /^[A-Z]{2}[0-9a-f]{32}$/;

describe('TaskRouter stand-in', () => {
    it('gives every object a Twilio-shaped SID', () => {
        const worker = new SandboxWorker();
        const reservation = worker.offer({ attributes: {}, channel: 'voice' });
        assert.match(worker.sid, SID);
        // One sandbox agent: the same worker on every load, so stored activity logs find it.
        assert.equal(new SandboxWorker().sid, worker.sid);
        assert.match(reservation.sid, SID);
        assert.match(reservation.task.sid, SID);
        assert.ok(worker.sid.startsWith('WK') && reservation.sid.startsWith('WR'));
        assert.ok(reservation.task.sid.startsWith('WT'));
        assert.match(SANDBOX_QUEUE_SID, /^WQ[0-9a-f]{32}$/);
        assert.match(SANDBOX_WORKFLOW_SID, /^WW[0-9a-f]{32}$/);
    });

    it('offers a task as a pending reservation and announces it', () => {
        const worker = new SandboxWorker();
        const created: unknown[] = [];
        worker.on('reservationCreated', (reservation) => created.push(reservation));
        const reservation = worker.offer({
            attributes: { from: '+14155550123' },
            channel: 'voice'
        });
        assert.deepEqual(created, [reservation]);
        assert.equal(reservation.status, 'pending');
        assert.equal(reservation.task.status, 'reserved');
        assert.equal(reservation.task.taskChannelUniqueName, 'voice');
        assert.equal(reservation.workerSid, worker.sid);
        assert.equal(worker.reservations.get(reservation.sid), reservation);
    });

    it('goes pending → accepted → wrapping → completed, with the SDK’s events, then leaves the worker', async () => {
        const worker = new SandboxWorker();
        const reservation = worker.offer({ attributes: {}, channel: 'voice' });
        const events: string[] = [];
        for (const event of ['accepted', 'wrapup', 'completed']) {
            reservation.on(event, () => events.push(`reservation ${event}`));
            reservation.task.on(event, () => events.push(`task ${event}`));
        }
        const accepting = reservation.accept();
        assert.equal(reservation.status, 'pending', 'the SDK answers after a round trip');
        assert.equal(await accepting, reservation);
        assert.equal(reservation.task.status, 'assigned');
        await reservation.wrap();
        assert.equal(reservation.task.status, 'wrapping');
        await reservation.complete();
        assert.equal(reservation.task.status, 'completed');
        assert.deepEqual(events, [
            'reservation accepted',
            'reservation wrapup',
            'task wrapup',
            'reservation completed',
            'task completed'
        ]);
        assert.equal(worker.reservations.has(reservation.sid), false);
    });

    it('refuses moves the SDK refuses, and leaves the reservation as it was', async () => {
        const worker = new SandboxWorker();
        const reservation = worker.offer({ attributes: {}, channel: 'chat' });
        await assert.rejects(reservation.wrap(), /is pending; it cannot become wrapping/);
        await reservation.reject();
        assert.equal(reservation.status, 'rejected');
        assert.equal(worker.reservations.size, 0);
        await assert.rejects(reservation.accept(), /is rejected; it cannot become accepted/);
    });

    it('replaces the attributes object on every write, and counts writes', async () => {
        const worker = new SandboxWorker();
        const { task } = worker.offer({ attributes: { a: 1 }, channel: 'voice' });
        const before = task.attributes;
        const updates: unknown[] = [];
        task.on('updated', (updated) => updates.push(updated));
        const written = { b: { nested: true } };
        await task.setAttributes(written);
        assert.deepEqual(task.attributes, written, 'all attributes are replaced');
        assert.notEqual(task.attributes, before);
        assert.notEqual(task.attributes, written, 'stored as TaskRouter stores JSON');
        assert.equal(task.attributeWrites, 1);
        assert.deepEqual(updates, [task]);
    });

    it('creates an outbound task routed to this worker, as Flex’s dialer expects', async () => {
        const worker = new SandboxWorker();
        const created: { task: { sid: string } }[] = [];
        worker.on('reservationCreated', (reservation) => created.push(reservation as never));
        const taskSid = await worker.createTask(
            '+14155550123',
            '+15550100000',
            SANDBOX_WORKFLOW_SID,
            SANDBOX_QUEUE_SID,
            { attributes: { sfdcObjectId: 'x' }, taskChannelUniqueName: 'voice' }
        );
        assert.equal(created[0]?.task.sid, taskSid);
        const reservation = [...worker.reservations.values()][0];
        assert.equal(reservation?.task.routingTarget, worker.sid);
        assert.deepEqual(reservation?.task.attributes, {
            flexInteractionSid: 'KD' + taskSid.slice(2),
            flexInteractionChannelSid: 'UO' + taskSid.slice(2),
            sfdcObjectId: 'x',
            direction: 'outbound',
            from: '+15550100000',
            outbound_to: '+14155550123',
            name: '+14155550123',
            type: 'outbound'
        });
    });

    it('changes activity and tells listeners', async () => {
        const worker = new SandboxWorker();
        const unavailable = worker.activityNamed('Unavailable');
        assert.ok(unavailable);
        assert.equal(worker.available, true);
        let updates = 0;
        worker.on('activityUpdated', () => (updates += 1));
        await unavailable.setAsCurrent();
        assert.equal(worker.activity, unavailable);
        assert.equal(unavailable.isCurrent, true);
        assert.equal(worker.available, false);
        assert.equal(worker.activitySid, unavailable.sid);
        assert.equal(updates, 1);
    });

    it('removes once-listeners after one event and reports listeners like EventEmitter', () => {
        const worker = new SandboxWorker();
        let calls = 0;
        worker.once('disconnected', () => (calls += 1));
        assert.deepEqual(worker.eventNames(), ['disconnected']);
        worker.disconnect();
        worker.disconnect();
        assert.equal(calls, 1);
        assert.equal(worker.listenerCount('disconnected'), 0);
    });
});
