/*
 * Shown in the task canvas when screen pop found several records: the agent links one, or
 * "None of these". The same link can be made in the Salesforce record picker; both show it.
 */
import * as React from 'react';
import { formatAgentString, type AgentStringKey } from '../agent-messages/agentMessages';
import type { RecordRef } from '../crm/crmPort';
import type { TaskLinks } from '../tasks/taskLinks';
import type { TaskLike } from '../tasks/taskView';

export interface RecordChooserProps {
    task?: TaskLike;
    links: TaskLinks;
    strings: Record<string, string>;
    choose: (task: TaskLike, ref: RecordRef | null) => Promise<boolean>;
    /** The CRM's id comparison (Salesforce: 15- and 18-character forms are one record). */
    sameRecord?: (a: string, b: string) => boolean;
}

const sameId = (a: string, b: string) => a === b;

function useLinksVersion(links: TaskLinks): number {
    const [version, setVersion] = React.useState(0);
    React.useEffect(() => links.subscribe(() => setVersion((v) => v + 1)), [links]);
    return version;
}

const NONE = '';

export function RecordChooser({
    task,
    links,
    strings,
    choose,
    sameRecord = sameId
}: RecordChooserProps): JSX.Element | null {
    useLinksVersion(links);
    const [saving, setSaving] = React.useState(false);
    if (!task) {
        return null;
    }
    const candidates = links.candidates(task.taskSid);
    if (candidates.length < 2) {
        return null;
    }
    const selected = links.selected(task);
    const text = (key: AgentStringKey, context?: Record<string, string>) =>
        formatAgentString(strings, key, context);
    const groupName = `sf-record-${task.taskSid}`;

    const onChange = (event: React.ChangeEvent<HTMLInputElement>) => {
        const ref = candidates.find((c) => c.recordId === event.target.value) ?? null;
        setSaving(true);
        void choose(task, ref).finally(() => setSaving(false));
    };

    const selectedLabel = selected
        ? text('CrmChooserLinked', { name: selected.name ?? selected.recordId })
        : text('CrmChooserNoneChosen');

    return (
        <fieldset
            className="sf-record-chooser"
            style={{ border: 'none', margin: '8px 12px', padding: 0 }}
        >
            <legend style={{ fontWeight: 'bold' }}>{text('CrmChooserTitle')}</legend>
            <p style={{ margin: '4px 0' }}>{text('CrmChooserHint')}</p>
            {[...candidates, null].map((candidate) => {
                const value = candidate?.recordId ?? NONE;
                const checked = candidate
                    ? selected !== null && sameRecord(selected.recordId, candidate.recordId)
                    : selected === null;
                const id = `${groupName}-${value || 'none'}`;
                return (
                    <div key={id}>
                        <input
                            type="radio"
                            id={id}
                            name={groupName}
                            value={value}
                            checked={checked}
                            disabled={saving}
                            onChange={onChange}
                        />
                        <label htmlFor={id}>
                            {candidate
                                ? `${candidate.name ?? candidate.recordId} (${candidate.objectApiName})`
                                : text('CrmChooserNone')}
                        </label>
                    </div>
                );
            })}
            <p role="status" style={{ margin: '4px 0' }}>
                {saving ? text('CrmChooserSaving') : selectedLabel}
            </p>
        </fieldset>
    );
}
