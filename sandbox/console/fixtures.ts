// The sandbox org's records. Several share +1 415-555-0123 so that a search finds several.
// IDs are real 18-character Salesforce IDs (key prefix + checksum), computed from 15-char ones.
import { toId18 } from '../../force-app/main/default/lwc/flexContract/flexContract.js';

export type ObjectApiName = 'Contact' | 'Lead' | 'Account' | 'Case' | 'Opportunity' | 'Task';

export interface SandboxRecord {
    Id: string;
    objectApiName: ObjectApiName;
    Name: string;
    fields: Record<string, string | boolean | null>;
    /** Fields shown as phone numbers (click-to-dial once the softphone enabled it). */
    phoneFields: string[];
}

const id = (prefix: string, n: number): string =>
    toId18(prefix + String(n).padStart(12, '0')) as string;

export const SHARED_PHONE = '+1 (415) 555-0123';

export const IDS = {
    adaContact: id('003', 1),
    graceContact: id('003', 2),
    adaLead: id('00Q', 1),
    lindaLead: id('00Q', 2),
    analyticalEngines: id('001', 1),
    katherinePersonAccount: id('001', 2),
    katherinePersonContact: id('003', 3),
    caseBrokenEngine: id('500', 1),
    opportunityRenewal: id('006', 1)
} as const;

export function createFixtures(): SandboxRecord[] {
    return [
        {
            Id: IDS.adaContact,
            objectApiName: 'Contact',
            Name: 'Ada Lovelace',
            fields: {
                Title: 'Analyst',
                Email: 'ada@example.com',
                Phone: SHARED_PHONE,
                AccountId: IDS.analyticalEngines
            },
            phoneFields: ['Phone']
        },
        {
            Id: IDS.graceContact,
            objectApiName: 'Contact',
            Name: 'Grace Hopper',
            fields: {
                Title: 'Rear Admiral',
                Email: 'grace@example.com',
                Phone: '(212) 555-0142',
                MobilePhone: '+44 20 7946 0958',
                AccountId: IDS.analyticalEngines
            },
            phoneFields: ['Phone', 'MobilePhone']
        },
        {
            Id: IDS.adaLead,
            objectApiName: 'Lead',
            Name: 'Ada Byron',
            fields: { Company: 'Difference Engines Ltd', Status: 'Open', Phone: SHARED_PHONE },
            phoneFields: ['Phone']
        },
        {
            Id: IDS.lindaLead,
            objectApiName: 'Lead',
            Name: 'Linda Keen',
            fields: { Company: 'Keen Analytics', Status: 'Working', Phone: '650.555.0199' },
            phoneFields: ['Phone']
        },
        {
            Id: IDS.analyticalEngines,
            objectApiName: 'Account',
            Name: 'Analytical Engines Inc.',
            fields: { Industry: 'Technology', Phone: SHARED_PHONE, IsPersonAccount: false },
            phoneFields: ['Phone']
        },
        {
            Id: IDS.katherinePersonAccount,
            objectApiName: 'Account',
            Name: 'Katherine Johnson',
            fields: {
                Industry: null,
                Phone: '(757) 555-0147',
                IsPersonAccount: true,
                PersonContactId: IDS.katherinePersonContact
            },
            phoneFields: ['Phone']
        },
        {
            Id: IDS.caseBrokenEngine,
            objectApiName: 'Case',
            Name: '00001001',
            fields: {
                Subject: 'Engine will not start',
                Status: 'New',
                ContactId: IDS.adaContact,
                AccountId: IDS.analyticalEngines
            },
            phoneFields: []
        },
        {
            Id: IDS.opportunityRenewal,
            objectApiName: 'Opportunity',
            Name: 'Analytical Engines renewal',
            fields: {
                StageName: 'Negotiation',
                Amount: '120000',
                AccountId: IDS.analyticalEngines
            },
            phoneFields: []
        }
    ];
}
