// What the bridge adapter adds to the contract: the record types it remembers stay bounded.
import { bridgeAdapter } from './bridgeAdapter';
import { bridgedHost, hostSettings } from '../../../test/bridgedHost';

test('the types of records a host named are remembered for opening them, the latest 200 only', async () => {
    const bridged = await bridgedHost();
    try {
        const port = bridgeAdapter({ link: bridged.link, host: hostSettings() });
        const records = (page: number) =>
            Array.from({ length: 50 }, (_, index) => ({
                recordId: `CUS-${page * 50 + index}`,
                objectApiName: 'Customer',
                name: null
            }));
        for (let page = 0; page < 5; page += 1) {
            bridged.app.searches.set(`page ${page}`, records(page));
            await port.searchRecords({ query: `page ${page}`, phone: null });
        }
        // openRecord goes to the host with the type it knows, or null.
        await port.openRecord('CUS-249');
        await port.openRecord('CUS-0');
        expect(bridged.app.openedRecords).toEqual([
            { recordId: 'CUS-249', objectApiName: 'Customer' },
            { recordId: 'CUS-0', objectApiName: null }
        ]);
    } finally {
        bridged.stop();
    }
});
