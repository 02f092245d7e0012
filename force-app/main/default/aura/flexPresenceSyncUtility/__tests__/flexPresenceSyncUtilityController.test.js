import controller from '../flexPresenceSyncUtilityController';

global.$A = { getCallback: (callback) => callback };

const event = (params) => ({ getParam: (name) => params[name] });
const flush = () => Promise.resolve().then(() => Promise.resolve());

function shell(toolkit) {
    const sync = { omniStatusChanged: jest.fn(), omniLoggedOut: jest.fn(), omniResult: jest.fn() };
    const parts = { omniToolkit: toolkit, sync };
    return { cmp: { find: (id) => parts[id] }, sync, parts };
}

describe('the Aura shell of Flex Presence Sync', () => {
    it('passes a status change on with its Id and API name only', () => {
        const { cmp, sync } = shell({});
        controller.onStatusChanged(
            cmp,
            event({
                statusId: '0N5000000000002CAA',
                statusApiName: 'Break',
                statusName: 'Break',
                reason: 'OmniManualStatusChange'
            })
        );
        controller.onLogout(cmp, event({ reason: 'OmniSupervisorLogout' }));
        expect(sync.omniStatusChanged).toHaveBeenCalledWith({
            statusId: '0N5000000000002CAA',
            statusApiName: 'Break'
        });
        expect(sync.omniLoggedOut).toHaveBeenCalledTimes(1);
    });

    it('runs each toolkit request and answers with its id', async () => {
        const toolkit = {
            setServicePresenceStatus: jest.fn().mockResolvedValue({ statusApiName: 'Break' }),
            logout: jest.fn().mockResolvedValue(true),
            getServicePresenceStatusId: jest.fn().mockRejectedValue('not logged in')
        };
        const { cmp, sync } = shell(toolkit);
        controller.onOmniRequest(
            cmp,
            event({ requestId: 1, operation: 'setStatus', statusId: '0N5000000000002CAA' })
        );
        controller.onOmniRequest(cmp, event({ requestId: 2, operation: 'logout', statusId: null }));
        controller.onOmniRequest(
            cmp,
            event({ requestId: 3, operation: 'getStatus', statusId: null })
        );
        controller.onOmniRequest(
            cmp,
            event({ requestId: 4, operation: 'deleteEverything', statusId: null })
        );
        await flush();
        expect(toolkit.setServicePresenceStatus).toHaveBeenCalledWith({
            statusId: '0N5000000000002CAA'
        });
        expect(sync.omniResult.mock.calls.map(([result]) => result)).toEqual([
            { requestId: 4, ok: false, error: { message: 'unknown operation deleteEverything' } },
            { requestId: 1, ok: true, value: { statusApiName: 'Break' } },
            { requestId: 2, ok: true, value: true },
            { requestId: 3, ok: false, error: { message: 'not logged in' } }
        ]);
    });

    it('answers nobody once the component is gone', async () => {
        const { cmp, sync, parts } = shell({
            logout: jest.fn().mockRejectedValue(new Error('offline'))
        });
        controller.onOmniRequest(cmp, event({ requestId: 1, operation: 'logout', statusId: null }));
        delete parts.sync;
        await flush();
        expect(sync.omniResult).not.toHaveBeenCalled();
    });
});
