/*
 * In the task list: activity logs Salesforce has not confirmed yet, so the agent knows a log is
 * late rather than lost. Waiting logs retry on their own ("Retry now" hurries them); a log that
 * Salesforce refused shows why, and can be retried or saved without the fields it named.
 * Renders nothing while the outbox is empty.
 */
import * as React from 'react';
import { formatAgentString, type AgentStringKey } from '../agent-messages/agentMessages';
import type { LogOutbox, OutboxEntryView } from './logOutbox';

export interface PendingLogsProps {
    outbox: LogOutbox;
    strings: Record<string, string>;
}

function useOutbox(outbox: LogOutbox): OutboxEntryView[] {
    const [entries, setEntries] = React.useState(() => outbox.view());
    React.useEffect(() => {
        setEntries(outbox.view());
        return outbox.subscribe(() => setEntries(outbox.view()));
    }, [outbox]);
    return entries;
}

export function PendingLogs({ outbox, strings }: PendingLogsProps): JSX.Element | null {
    const entries = useOutbox(outbox);
    if (entries.length === 0) {
        return null;
    }
    const text = (key: AgentStringKey, context?: Record<string, string>) =>
        formatAgentString(strings, key, context);
    const stateText = (entry: OutboxEntryView) => {
        switch (entry.state) {
            case 'sending':
                return text('CrmLogSending');
            case 'failed':
                return text('CrmLogFailed', { reason: entry.failure?.description ?? '' });
            default:
                return text('CrmLogWaiting', { attempts: String(entry.attempts) });
        }
    };
    return (
        <section
            className="sf-pending-logs"
            aria-label={text('CrmLogsWaiting', { count: String(entries.length) })}
            style={{ margin: '8px 12px', fontSize: '12px' }}
        >
            <p role="status" style={{ fontWeight: 'bold', margin: '4px 0' }}>
                {text('CrmLogsWaiting', { count: String(entries.length) })}{' '}
                <button type="button" onClick={() => outbox.retry()}>
                    {text('CrmLogsRetry')}
                </button>
            </p>
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {entries.map((entry) => (
                    <li key={entry.key} data-task-sid={entry.key} style={{ margin: '4px 0' }}>
                        <div>{entry.subject}</div>
                        <div>{stateText(entry)}</div>
                        {entry.kept ? null : <div>{text('CrmLogNotKeptItem')}</div>}
                        {entry.state === 'failed' ? (
                            <div>
                                <button type="button" onClick={() => outbox.retry(entry.key)}>
                                    {text('CrmLogRetry')}
                                </button>{' '}
                                {entry.droppableFields.length > 0 ? (
                                    <button
                                        type="button"
                                        onClick={() => outbox.retryWithout(entry.key)}
                                    >
                                        {text('CrmLogSaveWithout', {
                                            fields: entry.droppableFields.join(', ')
                                        })}
                                    </button>
                                ) : null}
                            </div>
                        ) : null}
                    </li>
                ))}
            </ul>
        </section>
    );
}
