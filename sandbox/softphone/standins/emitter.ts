// The small part of Node's EventEmitter that Flex calls on TaskRouter SDK objects.
type Listener = (...args: unknown[]) => void;

export class Emitter {
    private readonly listeners = new Map<string, Listener[]>();

    addListener(event: string, listener: Listener): this {
        this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
        return this;
    }

    on(event: string, listener: Listener): this {
        return this.addListener(event, listener);
    }

    once(event: string, listener: Listener): this {
        const wrapper: Listener = (...args) => {
            this.removeListener(event, wrapper);
            listener(...args);
        };
        return this.addListener(event, wrapper);
    }

    removeListener(event: string, listener: Listener): this {
        const remaining = (this.listeners.get(event) ?? []).filter((each) => each !== listener);
        if (remaining.length) {
            this.listeners.set(event, remaining);
        } else {
            this.listeners.delete(event);
        }
        return this;
    }

    off(event: string, listener: Listener): this {
        return this.removeListener(event, listener);
    }

    removeAllListeners(event?: string): this {
        if (event === undefined) {
            this.listeners.clear();
        } else {
            this.listeners.delete(event);
        }
        return this;
    }

    listenerCount(event: string): number {
        return this.listeners.get(event)?.length ?? 0;
    }

    emit(event: string, ...args: unknown[]): boolean {
        const current = this.listeners.get(event) ?? [];
        current.forEach((listener) => listener(...args));
        return current.length > 0;
    }
}
