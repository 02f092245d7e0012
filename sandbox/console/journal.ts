// Every Open CTI call and answer between the softphone and the console, in order.
export interface JournalEntry {
    seq: number;
    /** ms since the console page loaded (performance.now()). */
    at: number;
    kind: 'request' | 'response' | 'event' | 'refused';
    methodName: string;
    callId?: number;
    payload: unknown;
}

export class Journal {
    private readonly entries: JournalEntry[] = [];
    private readonly listeners = new Set<(entry: JournalEntry) => void>();

    private readonly now: () => number;
    private cleared = 0;

    constructor(now: () => number = () => performance.now()) {
        this.now = now;
    }

    record(entry: Omit<JournalEntry, 'seq' | 'at'>): JournalEntry {
        const full = { ...entry, seq: this.cleared + this.entries.length + 1, at: this.now() };
        this.entries.push(full);
        this.listeners.forEach((listener) => listener(full));
        return full;
    }

    /** A JSON-safe copy, for tests and the "download journal" link. */
    toJSON(): JournalEntry[] {
        return JSON.parse(JSON.stringify(this.entries)) as JournalEntry[];
    }

    /** Forgets what was recorded (long benchmark runs); numbering goes on. */
    clear(): void {
        this.cleared += this.entries.length;
        this.entries.length = 0;
    }

    onEntry(listener: (entry: JournalEntry) => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
}
