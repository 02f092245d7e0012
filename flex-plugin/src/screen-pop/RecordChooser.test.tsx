import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import * as Flex from '@twilio/flex-ui';
import { AGENT_STRINGS, nameCrmInStrings } from '../agent-messages/agentMessages';
import { TaskLinks } from '../tasks/taskLinks';
import { makeTask, settle } from '../../test/flexHarness';
import { startWith, stopStarted } from '../../test/startedHarness';
import { RecordChooser } from './RecordChooser';

const ADA = { recordId: '003000000000001AAA', objectApiName: 'Contact', name: 'Ada Lovelace' };
const ACME = { recordId: '001000000000001AAA', objectApiName: 'Account', name: 'Acme' };
const strings = { ...AGENT_STRINGS } as Record<string, string>;
nameCrmInStrings(strings, 'Salesforce');

afterEach(stopStarted);

const checked = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).checked;

test('renders nothing without several candidates', () => {
    const links = new TaskLinks();
    const task = makeTask();
    const { container } = render(
        <RecordChooser task={task} links={links} strings={strings} choose={jest.fn()} />
    );
    expect(container.childElementCount).toBe(0);
    act(() => links.setCandidates(task.taskSid, [ADA]));
    expect(container.childElementCount).toBe(0);
});

test('lists the candidates and "None of these", and shows a choice made elsewhere', () => {
    const links = new TaskLinks();
    const task = makeTask();
    links.setCandidates(task.taskSid, [ADA, ACME]);
    render(<RecordChooser task={task} links={links} strings={strings} choose={jest.fn()} />);
    expect(screen.getByRole('group', { name: 'Which record in Salesforce is this?' })).toBeTruthy();
    expect(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual([
        ADA.recordId,
        ACME.recordId,
        ''
    ]);
    expect(checked('None of these')).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('No record linked');
    // The agent chose in the Salesforce record picker: the chooser follows.
    act(() => links.setWritten(task.taskSid, ACME));
    expect(checked('Acme (Account)')).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Linked to Acme');
});

test('candidate names are text, never markup', () => {
    const links = new TaskLinks();
    const task = makeTask();
    links.setCandidates(task.taskSid, [{ ...ADA, name: '<img src=x onerror=alert(1)>' }, ACME]);
    const { container } = render(
        <RecordChooser task={task} links={links} strings={strings} choose={jest.fn()} />
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)> (Contact)')).toBeTruthy();
});

test('choosing in Flex links the task and tells the record picker; "None of these" unlinks', async () => {
    const s = await startWith();
    s.openCti.search = () => ({
        [ADA.recordId]: { Id: ADA.recordId, Name: ADA.name, RecordType: 'Contact' },
        [ACME.recordId]: { Id: ACME.recordId, Name: ACME.name, RecordType: 'Account' }
    });
    const task = s.addTask(makeTask({ status: 'pending' }), { select: true });
    await Flex.Actions.invokeAction('AcceptTask', { task });
    await settle();
    const { links } = s.integration.context;
    render(
        <RecordChooser
            task={task}
            links={links}
            strings={strings}
            choose={s.integration.selection.applySelection}
        />
    );
    fireEvent.click(screen.getByLabelText('Acme (Account)'));
    expect(screen.getByRole('status').textContent).toBe('Saving…');
    await act(() => settle());
    expect(s.backend.setAttributes.slice(-1)[0]).toEqual({
        sid: task.sid,
        attributes: {
            sfdcObjectId: ACME.recordId,
            sfdcObjectType: 'Account',
            sfdcObjectName: 'Acme'
        },
        mergeExisting: true
    });
    expect(s.lastInteraction()).toMatchObject({ selected: ACME, candidates: [ADA, ACME] });
    expect(checked('Acme (Account)')).toBe(true);

    fireEvent.click(screen.getByLabelText('None of these'));
    await act(() => settle());
    expect(s.backend.setAttributes.slice(-1)[0]?.attributes).toEqual({
        sfdcObjectId: null,
        sfdcObjectType: null,
        sfdcObjectName: null
    });
    expect(s.lastInteraction()).toMatchObject({ selected: null });
});
