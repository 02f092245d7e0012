/*
 * Custom Labels with placeholders, shared by the package's components: one definition of how
 * {0}, {1}… are filled, the way Salesforce writes label placeholders.
 */

/**
 * Fills {0}, {1}, … in a label; a placeholder without a value stays as written.
 * @param {string} label
 * @param {...string} values
 * @returns {string}
 */
export function formatLabel(label, ...values) {
    return label.replace(/\{(\d+)\}/g, (match, index) => {
        const value = values[Number(index)];
        return value === undefined ? match : value;
    });
}
