// Node's EventEmitter API as the TaskRouter SDK's objects expose it (the SDK bundles the `events`
// package for browsers), without Node's error and max-listener semantics that Flex does not rely on.
type Listener = (...args: unknown[]) => void;

/**
 * Anyone may listen for (or emit) any event, as with the SDK. `Emitted` lists the events the
 * stand-in itself announces, so announcing a misspelt or foreign one does not compile.
 */
export class Emitter<Emitted extends string = string> {
    private readonly handlers = new Map<string, Listener[]>();

    addListener(event: string, listener: Listener): this {
        this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
        return this;
    }

    on(event: string, listener: Listener): this {
        return this.addListener(event, listener);
    }

    once(event: string, listener: Listener): this {
        return this.addListener(event, this.removedAfterOneCall(event, listener));
    }

    removeListener(event: string, listener: Listener): this {
        const remaining = (this.handlers.get(event) ?? []).filter((each) => each !== listener);
        if (remaining.length) {
            this.handlers.set(event, remaining);
        } else {
            this.handlers.delete(event);
        }
        return this;
    }

    off(event: string, listener: Listener): this {
        return this.removeListener(event, listener);
    }

    removeAllListeners(event?: string): this {
        if (event === undefined) {
            this.handlers.clear();
        } else {
            this.handlers.delete(event);
        }
        return this;
    }

    prependListener(event: string, listener: Listener): this {
        this.handlers.set(event, [listener, ...(this.handlers.get(event) ?? [])]);
        return this;
    }

    prependOnceListener(event: string, listener: Listener): this {
        return this.prependListener(event, this.removedAfterOneCall(event, listener));
    }

    private removedAfterOneCall(event: string, listener: Listener): Listener {
        const wrapper: Listener = (...args) => {
            this.removeListener(event, wrapper);
            listener(...args);
        };
        return wrapper;
    }

    eventNames(): string[] {
        return [...this.handlers.keys()];
    }

    listeners(event: string): Listener[] {
        return this.rawListeners(event);
    }

    rawListeners(event: string): Listener[] {
        return [...(this.handlers.get(event) ?? [])];
    }

    setMaxListeners(): this {
        return this;
    }

    getMaxListeners(): number {
        return 0;
    }

    listenerCount(event: string): number {
        return this.handlers.get(event)?.length ?? 0;
    }

    emit(event: string, ...args: unknown[]): boolean {
        const current = this.handlers.get(event) ?? [];
        current.forEach((listener) => listener(...args));
        return current.length > 0;
    }

    /** How the stand-ins emit: only the events the SDK declares for this object. */
    announce(event: Emitted, ...args: unknown[]): boolean {
        return this.emit(event, ...args);
    }
}
