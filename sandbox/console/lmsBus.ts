// Lightning Message Service in the sandbox console: one bus that the record picker's
// lightning/messageService stand-in and the softphone's Open CTI subscriptions share.
type Listener = (message: unknown) => void;

export interface LmsSubscription {
    channel: string;
    listener: Listener;
    /** Who subscribed; a publisher does not get its own message back. */
    owner: string;
}

export class LmsBus {
    private readonly subscriptions = new Set<LmsSubscription>();
    readonly published: { channel: string; owner: string; message: unknown }[] = [];

    subscribe(channel: string, listener: Listener, owner: string): LmsSubscription {
        const subscription = { channel, listener, owner };
        this.subscriptions.add(subscription);
        return subscription;
    }

    unsubscribe(subscription: LmsSubscription | null | undefined): void {
        if (subscription) {
            this.subscriptions.delete(subscription);
        }
    }

    unsubscribeOwner(owner: string, channel?: string): void {
        [...this.subscriptions]
            .filter(
                (each) =>
                    each.owner === owner && (channel === undefined || each.channel === channel)
            )
            .forEach((each) => this.subscriptions.delete(each));
    }

    /** Messages are copied through JSON, as LMS serialises them. Delivery is asynchronous. */
    publish(channel: string, message: unknown, owner: string): void {
        const copy: unknown = JSON.parse(JSON.stringify(message ?? null));
        this.published.push({ channel, owner, message: copy });
        [...this.subscriptions]
            .filter((each) => each.channel === channel && each.owner !== owner)
            .forEach((each) =>
                queueMicrotask(() => each.listener(JSON.parse(JSON.stringify(copy))))
            );
    }

    subscriberCount(channel: string): number {
        return [...this.subscriptions].filter((each) => each.channel === channel).length;
    }
}
