import { utilityState } from '../utilityStatus';

describe('what the utility bar item shows', () => {
    it('connected and idle: ready', () => {
        expect(utilityState('connected', null)).toEqual({
            label: 'ready',
            icon: 'call',
            iconVariant: '',
            highlighted: false
        });
    });

    it('ringing is highlighted; on an interaction it says so until the interaction ends', () => {
        expect(utilityState('connected', 'pending')).toMatchObject({
            label: 'incoming',
            highlighted: true
        });
        expect(utilityState('connected', 'accepted')).toMatchObject({
            label: 'busy',
            icon: 'call'
        });
        expect(utilityState('connected', 'wrapping').label).toBe('busy');
        expect(utilityState('connected', 'completed').label).toBe('ready');
    });

    it('not connected says so and is highlighted, whatever the interaction was', () => {
        expect(utilityState('disconnected', 'accepted')).toEqual({
            label: 'notConnected',
            icon: 'warning',
            iconVariant: 'warning',
            highlighted: true
        });
        expect(utilityState('connecting', null).label).toBe('connecting');
        // Flex waiting for the agent's login asks for it, without a warning: nothing is wrong yet.
        expect(utilityState('waiting', null)).toEqual({
            label: 'waiting',
            icon: 'user',
            iconVariant: '',
            highlighted: false
        });
        expect(utilityState('anything else', null).label).toBe('notConnected');
    });
});
