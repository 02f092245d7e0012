import { launchedByOpenCti, transportChoice } from './transportChoice';

const LIGHTNING = 'https://acme.lightning.force.com';
const facts = {
    salesforceOn: true,
    hostAppOn: true,
    allowedHostOrigins: [LIGHTNING],
    framedBy: LIGHTNING,
    launchedByOpenCti: false
};

describe('which way into the CRM', () => {
    test('the softphone component in Salesforce (a listed host frames Flex): the bridge', () => {
        expect(transportChoice(facts)).toBe('host-app');
    });

    test('the Open CTI softphone of the same org, both blocks on: Open CTI, not a silent bridge', () => {
        expect(transportChoice({ ...facts, launchedByOpenCti: true })).toBe('salesforce');
    });

    test('a page not on the list with Salesforce on: Salesforce (it checks its own origins)', () => {
        expect(transportChoice({ ...facts, framedBy: 'https://evil.example' })).toBe('salesforce');
        expect(transportChoice({ ...facts, framedBy: null })).toBe('salesforce');
    });

    test('only the host block: the bridge, which refuses a page not on the list itself', () => {
        expect(
            transportChoice({ ...facts, salesforceOn: false, framedBy: 'https://evil.example' })
        ).toBe('host-app');
        expect(transportChoice({ ...facts, salesforceOn: false, hostAppOn: false })).toBe('none');
    });

    test('reads the adapter URL parameters Salesforce adds', () => {
        expect(
            launchedByOpenCti(
                '?mode=Lightning&sfdcIframeOrigin=https%3A%2F%2Facme.my.salesforce.com'
            )
        ).toBe(true);
        expect(launchedByOpenCti('?host=lwc')).toBe(false);
        expect(launchedByOpenCti('')).toBe(false);
    });
});
