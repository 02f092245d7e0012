// Which requests one page load made that another did not: the start-up benchmark's count of what
// the plugin adds.

/** Requests in `withPlugin` that `without` did not make, each counted as often as it is extra. */
export function addedRequests(withPlugin: readonly string[], without: readonly string[]): string[] {
    const remaining = [...without];
    return withPlugin.filter((request) => {
        const at = remaining.indexOf(request);
        if (at >= 0) {
            remaining.splice(at, 1);
            return false;
        }
        return true;
    });
}

/** The value seen most often (the first of equals); '' for none. */
export function mostCommon(values: readonly string[]): string {
    const counts = new Map<string, number>();
    for (const value of values) {
        counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    let best = '';
    let bestCount = 0;
    for (const [value, count] of counts) {
        if (count > bestCount) {
            best = value;
            bestCount = count;
        }
    }
    return best;
}
