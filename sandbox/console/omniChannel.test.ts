import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OmniChannel, PRESENCE_STATUSES, presenceMappingRows } from './omniChannel.ts';

const idOf = (apiName: string) =>
    PRESENCE_STATUSES.find((each) => each.statusApiName === apiName)?.statusId ?? '';

describe('the Omni-Channel stand-in, against the documented toolkit contract', () => {
    it('starts logged out: getServicePresenceStatusId rejects', async () => {
        await assert.rejects(new OmniChannel().getServicePresenceStatusId());
    });

    it('setServicePresenceStatus logs in, resolves with the status and fires the event with the toolkit reason', async () => {
        const omni = new OmniChannel();
        const events: unknown[] = [];
        omni.onStatusChanged((event) => events.push(event));
        const result = await omni.setServicePresenceStatus({ statusId: idOf('Break') });
        assert.deepEqual(result, {
            statusId: idOf('Break'),
            statusName: 'Break',
            statusApiName: 'Break',
            channels: '[]'
        });
        assert.deepEqual(events, [{ ...result, reason: 'OmniToolkitStatusChange' }]);
        assert.deepEqual(await omni.getServicePresenceStatusId(), {
            statusId: idOf('Break'),
            statusName: 'Break',
            statusApiName: 'Break'
        });
    });

    it('starts as it is told, without counting that as a change', async () => {
        const omni = new OmniChannel('Available');
        assert.equal((await omni.getServicePresenceStatusId()).statusApiName, 'Available');
        assert.deepEqual(omni.changes, []);
    });

    it('refuses a status not granted to the agent, or unknown, and changes nothing', async () => {
        const omni = new OmniChannel();
        omni.agentSets('Available');
        await assert.rejects(
            omni.setServicePresenceStatus({ statusId: idOf('Busy') }),
            /isn't available/
        );
        await assert.rejects(omni.setServicePresenceStatus({ statusId: 'nope' }));
        assert.equal(omni.current, 'Available');
        assert.throws(() => omni.agentSets('Busy'));
        assert.equal(omni.changes.length, 1);
    });

    it('tells a manual change and a logout apart, and counts each change once', async () => {
        const omni = new OmniChannel();
        const reasons: string[] = [];
        omni.onStatusChanged((event) => reasons.push(event.reason));
        omni.onLogout(() => reasons.push('logout'));
        omni.agentSets('Training');
        assert.equal(await omni.logout(), true);
        omni.agentSets(null);
        assert.deepEqual(reasons, ['OmniManualStatusChange', 'logout']);
        assert.deepEqual(omni.changes, [
            { status: 'Training', reason: 'OmniManualStatusChange' },
            { status: null, reason: 'logout' }
        ]);
    });

    it("lists the org's own mapping with its status Ids", () => {
        const rows = presenceMappingRows();
        assert.deepEqual(
            rows.map((row) => [row.flexActivity, row.omniStatus, row.omniStatusId]),
            [
                ['Available', 'Available', idOf('Available')],
                ['Break', 'Break', idOf('Break')],
                ['Unavailable', 'Busy', idOf('Busy')],
                ['Offline', null, null]
            ]
        );
    });
});
