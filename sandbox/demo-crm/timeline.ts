// The demo CRM's activity timeline, kept in its own localStorage so it survives a reload of the
// app. Saving is an upsert by the activity's key: Flex may send an activity again when it did not
// hear the answer, and the timeline still holds it once.
import type { Activity, ActivityChanges } from '@flex-crm/host-sdk';

export interface TimelineEntry extends Activity {
    id: string;
    savedAt: string;
}

const KEY = 'demoCrm.timeline.v1';

function read(): TimelineEntry[] {
    try {
        const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
        return Array.isArray(parsed) ? (parsed as TimelineEntry[]) : [];
    } catch {
        return [];
    }
}

function write(entries: TimelineEntry[]): void {
    localStorage.setItem(KEY, JSON.stringify(entries));
}

export const timeline = {
    all: read,
    forCustomer: (id: string) => read().filter((entry) => entry.recordId === id),
    /** Saves an activity (once per key) and returns its id. */
    save(activity: Activity): string {
        const entries = read();
        const existing = entries.find((entry) => entry.activityKey === activity.activityKey);
        if (existing) {
            return existing.id;
        }
        const id = `ACT-${entries.length + 1}`;
        write([...entries, { ...activity, id, savedAt: new Date().toISOString() }]);
        return id;
    },
    /** Adds late notes to the activity `id`, only if it is the one saved for `taskSid`. */
    update(id: string, changes: ActivityChanges, taskSid: string | null): boolean {
        const entries = read();
        const entry = entries.find((each) => each.id === id);
        if (!entry || entry.taskSid !== taskSid) {
            return false;
        }
        Object.assign(entry, changes);
        write(entries);
        return true;
    },
    clear: () => localStorage.removeItem(KEY)
};
