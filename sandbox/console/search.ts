// searchAndScreenPop over the fixtures: the map Open CTI answers with, recordId → {Id, Name,
// RecordType, …}; person accounts add IsPersonAccount and PersonContactId.
import type { SandboxRecord } from './fixtures.ts';

/** Searchable objects, as in a softphone layout (Tasks are never search results). */
const SEARCHABLE = new Set(['Contact', 'Lead', 'Account', 'Case', 'Opportunity']);

export function digitsOf(value: string): string {
    return value.replace(/\D/g, '');
}

/** Last ten digits: "+1 (415) 555-0123" and "4155550123" are the same number. */
function phoneKey(value: string): string {
    return digitsOf(value).slice(-10);
}

export function searchRecords(records: SandboxRecord[], searchParams: string): SandboxRecord[] {
    const query = searchParams.trim();
    if (query.length < 2) {
        return [];
    }
    const queryDigits = digitsOf(query);
    const asPhone =
        queryDigits.length >= 7 && queryDigits.length >= query.replace(/[\s()+.-]/g, '').length;
    const lower = query.toLowerCase();
    return records.filter((record) => {
        if (!SEARCHABLE.has(record.objectApiName)) {
            return false;
        }
        if (asPhone) {
            return record.phoneFields.some((field) => {
                const value = record.fields[field];
                return typeof value === 'string' && phoneKey(value) === phoneKey(queryDigits);
            });
        }
        return record.Name.toLowerCase().includes(lower);
    });
}

export function toSearchResultMap(found: SandboxRecord[]): Record<string, Record<string, unknown>> {
    return Object.fromEntries(
        found.map((record) => {
            const entry: Record<string, unknown> = {
                Id: record.Id,
                Name: record.Name,
                RecordType: record.objectApiName
            };
            if (record.fields.IsPersonAccount === true) {
                entry.IsPersonAccount = true;
                entry.PersonContactId = record.fields.PersonContactId;
            }
            return [record.Id, entry];
        })
    );
}
