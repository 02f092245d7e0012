import { utilityState } from '../utilityStatus';

describe('what the utility bar item shows', () => {
    it('connected and idle: ready, pop-out allowed', () => {
        expect(utilityState('connected', null)).toEqual({
            label: 'ready',
            icon: 'call',
            highlighted: false,
            popOutDisabled: false
        });
    });

    it('ringing is highlighted; on an interaction pop-out is off (it would reload Flex)', () => {
        expect(utilityState('connected', 'pending')).toMatchObject({
            label: 'incoming',
            highlighted: true,
            popOutDisabled: false
        });
        expect(utilityState('connected', 'accepted')).toMatchObject({
            label: 'busy',
            popOutDisabled: true
        });
        expect(utilityState('connected', 'wrapping').popOutDisabled).toBe(true);
        expect(utilityState('connected', 'completed').popOutDisabled).toBe(false);
    });

    it('not connected says so and is highlighted, whatever the interaction was', () => {
        expect(utilityState('disconnected', 'accepted')).toEqual({
            label: 'notConnected',
            icon: 'warning',
            highlighted: true,
            popOutDisabled: false
        });
        expect(utilityState('connecting', null).label).toBe('connecting');
        expect(utilityState('anything else', null).label).toBe('notConnected');
    });
});
