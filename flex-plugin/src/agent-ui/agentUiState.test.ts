import { AGENT_STRINGS } from '../agent-messages/agentMessages';
import { makeTask } from '../../test/flexHarness';
import type { FlexSnapshot, TaskLike } from '../tasks/taskView';
import { callsInProgress, utilityStatus } from './agentUiState';

const strings = { ...AGENT_STRINGS } as Record<string, string>;
const snapshot = (tasks: TaskLike[], activity = { name: 'Available', available: true }) =>
    ({ tasks, activity, selectedReservationSid: null, hasActiveCall: false }) as FlexSnapshot;
const call = (status: string) => makeTask({ status });
const chat = (status: string) => makeTask({ status, taskChannelUniqueName: 'chat' });

describe('utility bar status', () => {
    test.each([
        ['no task, available', snapshot([]), { state: 'available', label: 'Available' }],
        [
            'no task, on a break',
            snapshot([], { name: 'Break', available: false }),
            { state: 'away', label: 'Break' }
        ],
        [
            'only finished tasks',
            snapshot([call('completed'), call('canceled')]),
            { state: 'available', label: 'Available' }
        ],
        [
            'a call ringing',
            snapshot([call('pending')]),
            { state: 'ringing', label: 'Incoming call' }
        ],
        [
            'a chat ringing',
            snapshot([chat('pending')]),
            { state: 'ringing', label: 'Incoming chat' }
        ],
        [
            'a chat ringing during a call',
            snapshot([call('accepted'), chat('pending')]),
            { state: 'ringing', label: 'Incoming chat' }
        ],
        ['one live call', snapshot([call('accepted')]), { state: 'busy', label: '1 active task' }],
        [
            'a call in wrap-up and a chat',
            snapshot([call('wrapping'), chat('accepted')]),
            { state: 'busy', label: '2 active tasks' }
        ]
    ])('%s', (_name, state, expected) => {
        expect(utilityStatus(state, strings)).toEqual(expected);
    });

    test('labels come from Flex strings, so a deployment can translate them', () => {
        const french = { ...strings, SfStatusIncomingCall: 'Appel entrant' };
        expect(utilityStatus(snapshot([call('pending')]), french).label).toBe('Appel entrant');
    });

    test('no activity known yet: a neutral label, not an empty one', () => {
        expect(utilityStatus({ ...snapshot([]), activity: null }, strings)).toEqual({
            state: 'available',
            label: 'Flex phone'
        });
    });
});

describe('calls in progress', () => {
    test('counts voice tasks ringing or live, not wrap-up, not chats', () => {
        expect(callsInProgress(snapshot([]))).toBe(0);
        expect(
            callsInProgress(
                snapshot([call('pending'), call('accepted'), call('wrapping'), chat('accepted')])
            )
        ).toBe(2);
    });
});
