import { checkHostAction, HOST_ACTION_NAMES } from './hostActionTable';

const TASK = 'WT0123456789abcdef0123456789abcdef';
const ALL = HOST_ACTION_NAMES;

test.each([
    [
        'SetActivity',
        { activityName: 'Break' },
        { kind: 'plain', payload: { activityName: 'Break' } }
    ],
    [
        'SetActivity',
        { activitySid: 'WA0123456789abcdef0123456789abcdef' },
        { kind: 'plain', payload: { activitySid: 'WA0123456789abcdef0123456789abcdef' } }
    ],
    ['ToggleMute', undefined, { kind: 'plain', payload: {} }],
    ['HoldCall', { taskSid: TASK }, { kind: 'task', taskSid: TASK }],
    ['CompleteTask', { taskSid: TASK }, { kind: 'task', taskSid: TASK }]
])('%s %j is run as %j', (name, payload, expected) => {
    expect(checkHostAction(ALL, name, payload)).toEqual({ ok: true, name, payload: expected });
});

test.each([
    ['StartOutboundCall', { destination: '+1' }, /not an action this host may invoke/],
    [
        'SetActivity',
        { activityName: 'Break', activitySid: 'WA0123456789abcdef0123456789abcdef' },
        /SetActivity payload/
    ],
    ['SetActivity', { activityName: '' }, /SetActivity payload/],
    ['SetActivity', { activitySid: 'WA1' }, /SetActivity payload/],
    ['ToggleMute', { task: 'x' }, /ToggleMute payload/],
    ['HoldCall', {}, /HoldCall payload/],
    [
        'HoldCall',
        { taskSid: 'WR0123456789abcdef0123456789abcdef' },
        /HoldCall payload.taskSid: must be a task SID/
    ],
    ['HoldCall', { sid: 'WR0123456789abcdef0123456789abcdef' }, /HoldCall payload/],
    ['toString', {}, /not an action/],
    ['__proto__', {}, /not an action/],
    ['hasOwnProperty', {}, /not an action/]
])('%s %j is refused', (name, payload, problem) => {
    const checked = checkHostAction(
        [...ALL, 'StartOutboundCall', 'toString', '__proto__', 'hasOwnProperty'],
        name,
        payload
    );
    expect(checked).toEqual({ ok: false, problem: expect.stringMatching(problem) });
});

test('an action in the table but not on the admin list is refused', () => {
    expect(checkHostAction(['ToggleMute'], 'HangupCall', { taskSid: TASK })).toEqual({
        ok: false,
        problem: 'HangupCall is not an action this host may invoke'
    });
});
