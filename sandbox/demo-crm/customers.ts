// The demo CRM's own data: customers and a search over them, as any CRM has. Nothing Flex-specific.
export interface Customer {
    id: string;
    name: string;
    company: string;
    phone: string;
    email: string;
}

export const CUSTOMERS: readonly Customer[] = [
    {
        id: 'CUS-1',
        name: 'Ada Lovelace',
        company: 'Analytical Engines Ltd',
        phone: '+1 415-555-0123',
        email: 'ada@engines.example'
    },
    {
        id: 'CUS-2',
        name: 'Ada King',
        company: 'Byron Estates',
        phone: '+1 415-555-0123',
        email: 'ada.king@byron.example'
    },
    {
        id: 'CUS-3',
        name: 'Grace Hopper',
        company: 'Navy Research Lab',
        phone: '+1 212-555-0142',
        email: 'grace@navy.example'
    },
    {
        id: 'CUS-4',
        name: 'Katherine Johnson',
        company: 'Langley Research',
        phone: '+1 757-555-0199',
        email: 'katherine@langley.example'
    }
];

const digits = (text: string) => text.replace(/\D/g, '');

/** Customers whose phone number ends like the query's digits, or whose name or email contains it. */
export function searchCustomers(query: string): Customer[] {
    const wanted = digits(query);
    const lower = query.trim().toLowerCase();
    return CUSTOMERS.filter(
        (customer) =>
            (wanted.length >= 7 && digits(customer.phone).endsWith(wanted.slice(-10))) ||
            (lower.length >= 3 &&
                (customer.name.toLowerCase().includes(lower) || customer.email === lower))
    );
}

export function customerById(id: string): Customer | undefined {
    return CUSTOMERS.find((customer) => customer.id === id);
}
