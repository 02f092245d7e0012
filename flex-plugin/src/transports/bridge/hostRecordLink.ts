/*
 * How a task links a record of the host app: three task attributes, readable by Studio flows and
 * reports as Salesforce's sfdcObject* are. Read back through the protocol's record check, so a
 * forged or broken attribute links nothing. Pure.
 */
import { checkRecord } from '../../../../packages/flex-host-sdk/src/protocol.ts';
import type { RecordRef } from '../../crm/crmPort';

export const HOST_RECORD_ATTRIBUTES = {
    id: 'hostRecordId',
    type: 'hostRecordType',
    name: 'hostRecordName'
} as const;

export function hostLinkAttributes(record: RecordRef | null): Record<string, string | null> {
    return {
        [HOST_RECORD_ATTRIBUTES.id]: record?.recordId ?? null,
        [HOST_RECORD_ATTRIBUTES.type]: record?.objectApiName ?? null,
        [HOST_RECORD_ATTRIBUTES.name]: record?.name ?? null
    };
}

export function hostLinkedRecord(attributes: Record<string, unknown>): RecordRef | null {
    const recordId = attributes[HOST_RECORD_ATTRIBUTES.id];
    if (recordId === undefined || recordId === null) {
        return null;
    }
    const checked = checkRecord({
        recordId,
        objectApiName: attributes[HOST_RECORD_ATTRIBUTES.type],
        name: attributes[HOST_RECORD_ATTRIBUTES.name] ?? null
    });
    return checked.ok ? checked.value : null;
}
