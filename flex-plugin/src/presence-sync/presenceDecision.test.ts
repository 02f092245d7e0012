import { decideActivityRequest, type ActivityOption } from './presenceDecision';

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
