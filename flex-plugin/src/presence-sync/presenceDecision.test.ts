import {
    agentChangedSince,
    decideActivityRequest,
    type ActivityChange,
    type ActivityOption
} from './presenceDecision';

const ACTIVITIES: ActivityOption[] = [
    { sid: 'WA1', name: 'Available', available: true },
    { sid: 'WA2', name: 'Break', available: false }
];

test.each([
    [
        { activity: 'Break', basedOn: 'Available' },
        'Available',
        { kind: 'set', activity: ACTIVITIES[1] }
    ],
    [{ activity: 'Break', basedOn: null }, 'Available', { kind: 'set', activity: ACTIVITIES[1] }],
    [{ activity: 'Break', basedOn: 'Offline' }, null, { kind: 'set', activity: ACTIVITIES[1] }],
    [{ activity: 'Break', basedOn: 'Offline' }, 'Available', { kind: 'stale' }],
    [{ activity: 'Available', basedOn: 'Available' }, 'Available', { kind: 'already' }],
    [{ activity: 'Lunch', basedOn: null }, 'Available', { kind: 'unknown', activity: 'Lunch' }],
    [{ activity: 'break', basedOn: null }, 'Available', { kind: 'unknown', activity: 'break' }]
])('%j with %s now decides %j', (request, current, decision) => {
    expect(decideActivityRequest(request, current, ACTIVITIES)).toEqual(decision);
});

const change = (activity: string, cause: ActivityChange['cause']): ActivityChange => ({
    activity,
    cause
});

test.each([
    [
        'only the sync changed it since',
        [change('Available', 'current'), change('Break', 'sync')],
        false
    ],
    [
        'the agent changed it after the sync',
        [change('Available', 'current'), change('Break', 'sync'), change('Offline', 'agent')],
        true
    ],
    [
        'the agent changed it before it was Available again',
        [change('Break', 'agent'), change('Available', 'sync'), change('Offline', 'sync')],
        false
    ],
    ['Flex never reported Available', [change('Break', 'current')], true],
    ['nothing was reported', [], true]
])('based on Available, when %s: the agent changed it since = %s', (_, changes, expected) => {
    expect(agentChangedSince('Available', changes)).toBe(expected);
});

test('a second request based on the activity before the sync changed it is not stale', () => {
    const changes = [change('Available', 'current'), change('Break', 'sync')];
    expect(
        decideActivityRequest(
            { activity: 'Break', basedOn: 'Available' },
            'Break',
            ACTIVITIES,
            changes
        )
    ).toEqual({ kind: 'already' });
    expect(
        decideActivityRequest(
            { activity: 'Available', basedOn: 'Available' },
            'Break',
            ACTIVITIES,
            changes
        )
    ).toEqual({ kind: 'set', activity: ACTIVITIES[0] });
    expect(
        decideActivityRequest(
            { activity: 'Available', basedOn: 'Available' },
            'Break',
            ACTIVITIES,
            [...changes, change('Break', 'agent')]
        )
    ).toEqual({ kind: 'stale' });
});
