import { formatLabel } from 'c/flexLabelFormat';

describe('formatLabel', () => {
    it('fills placeholders in any order, as often as they appear', () => {
        expect(formatLabel('{1} then {0}, and {1} again', 'first', 'second')).toBe(
            'second then first, and second again'
        );
    });

    it('keeps a placeholder without a value, and inserts values as plain text', () => {
        expect(formatLabel('Call {0}: {1}', '<b>Ada</b>')).toBe('Call <b>Ada</b>: {1}');
        expect(formatLabel('$& {0}', '$1')).toBe('$& $1');
    });
});
