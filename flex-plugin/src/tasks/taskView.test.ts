import { makeTask } from '../../test/flexHarness';
import { linkedRecordOf } from '../transports/salesforce/recordLink';
import { shownTask, taskOfPayload, type FlexSnapshot } from './taskView';
import { TaskLinks } from './taskLinks';

describe('linkedRecordOf', () => {
    test.each([
        [
            {
                sfdcObjectId: '003000000000001AAA',
                sfdcObjectType: 'Contact',
                sfdcObjectName: 'Ada'
            },
            { recordId: '003000000000001AAA', objectApiName: 'Contact', name: 'Ada' }
        ],
        [
            { sfdcObjectId: '500000000000001AAA' },
            { recordId: '500000000000001AAA', objectApiName: 'Case', name: null }
        ],
        [
            { sfdcObjectId: 'a01000000000001AAA', sfdcObjectType: 'Invoice__c' },
            { recordId: 'a01000000000001AAA', objectApiName: 'Invoice__c', name: null }
        ],
        [
            { sfdcObjectId: 'a01000000000001AAA' },
            { recordId: 'a01000000000001AAA', objectApiName: 'Unknown', name: null }
        ],
        [{ sfdcObjectId: '001000000000001AAA', sfdcObjectType: 'Contact' }, null],
        [{ sfdcObjectId: '003000000000001AAA', sfdcObjectType: 'Invoice__c' }, null],
        [
            { sfdcObjectId: '00T000000000001EAA' },
            { recordId: '00T000000000001EAA', objectApiName: 'Task', name: null }
        ],
        [{ sfdcObjectId: '003000000000001AAB' }, null],
        [{ sfdcObjectId: null }, null],
        [{}, null]
    ])('%j → %j', (attributes, ref) => {
        expect(linkedRecordOf(attributes)).toEqual(ref);
    });
});

describe('shownTask', () => {
    const a = makeTask();
    const b = makeTask({ status: 'wrapping' });
    const done = makeTask({ status: 'completed' });
    const base: FlexSnapshot = {
        tasks: [a, b, done],
        selectedReservationSid: null,
        activity: null,
        hasActiveCall: false
    };
    test.each([
        ['the selected live task', { selectedReservationSid: b.sid }, b],
        ['nothing selected, several live: none', {}, null],
        ['nothing selected, one live: that one', { tasks: [a, done] }, a],
        [
            'a selected completed task is not shown',
            { tasks: [done], selectedReservationSid: done.sid },
            null
        ]
    ])('%s', (_, overrides, expected) => {
        expect(shownTask({ ...base, ...overrides })).toBe(expected);
    });
});

describe('TaskLinks', () => {
    test('what the plugin wrote wins over stale attributes, until released', () => {
        const links = new TaskLinks(linkedRecordOf);
        const task = makeTask({
            attributes: { sfdcObjectId: '003000000000001AAA', sfdcObjectType: 'Contact' }
        });
        const listener = jest.fn();
        links.subscribe(listener);
        links.setWritten(task.taskSid, null);
        expect(links.selected(task)).toBeNull();
        expect(listener).toHaveBeenCalledTimes(1);
        links.release(task.taskSid);
        links.release(task.taskSid);
        expect(listener).toHaveBeenCalledTimes(2);
        expect(links.selected(task)).toMatchObject({ recordId: '003000000000001AAA' });
        expect(links.size).toBe(0);
    });
});

describe("TaskLinks: the agent's choice", () => {
    const CASE = { recordId: '500000000000001AAA', objectApiName: 'Case', name: '00001026' };

    test('a choice counts even when writing it failed, and "none" is a choice', () => {
        const links = new TaskLinks(linkedRecordOf);
        const task = makeTask({
            attributes: { sfdcObjectId: '003000000000001AAA', sfdcObjectType: 'Contact' }
        });
        expect(links.hasChoice(task.taskSid)).toBe(false);
        expect(links.logRecord(task)).toMatchObject({ recordId: '003000000000001AAA' });
        links.choose(task.taskSid, CASE);
        expect(links.hasChoice(task.taskSid)).toBe(true);
        expect(links.logRecord(task)).toEqual(CASE);
        expect(links.selected(task)).toMatchObject({ recordId: '003000000000001AAA' });
        links.choose(task.taskSid, null);
        expect(links.logRecord(task)).toBeNull();
        links.release(task.taskSid);
        expect(links.hasChoice(task.taskSid)).toBe(false);
    });
});

describe('taskOfPayload', () => {
    const task = makeTask();
    const snapshot = {
        tasks: [task],
        selectedReservationSid: null,
        activity: null,
        hasActiveCall: false
    };

    test.each([
        ['the payload task', { task }, task],
        ['a reservation SID Flex holds', { sid: task.sid }, task],
        ['an unknown SID', { sid: 'WRunknown' }, null],
        ['no payload', undefined, null]
    ])('finds %s', (_name, payload, expected) => {
        expect(taskOfPayload(snapshot, payload)).toBe(expected);
    });
});

describe('TaskLinks: clean-up', () => {
    test("a task's state is released after every listener of its end has read it", () => {
        const { EventEmitter } = jest.requireActual<typeof import('events')>('events');
        const events = new EventEmitter();
        const links = new TaskLinks(linkedRecordOf);
        const later: (() => void)[] = [];
        const stop = links.releaseEnded(events, (run) => later.push(run));
        const task = makeTask();
        const ref = { recordId: '003000000000001AAA', objectApiName: 'Contact', name: 'Ada' };
        links.setWritten(task.taskSid, ref);
        // A listener registered after the links still reads the link during the event.
        const seen: unknown[] = [];
        events.on('taskCanceled', (ended: typeof task) => seen.push(links.selected(ended)));
        events.emit('taskCanceled', task);
        expect(seen).toEqual([ref]);
        expect(links.size).toBe(1);
        later.forEach((run) => run());
        expect(links.size).toBe(0);
        stop();
        links.setWritten(task.taskSid, ref);
        events.emit('taskCompleted', task);
        expect(later).toHaveLength(1);
    });
});
