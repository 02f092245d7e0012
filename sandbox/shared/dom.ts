// Builds DOM nodes from data: text always goes through textContent, never through HTML parsing.
type Child = Node | string | null | undefined | false;
type Props = {
    className?: string;
    text?: string;
    dataset?: Record<string, string>;
    attrs?: Record<string, string>;
    on?: Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>;
};

export function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Props = {},
    children: Child[] = []
): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (props.className) {
        node.className = props.className;
    }
    if (props.text !== undefined) {
        node.textContent = props.text;
    }
    Object.entries(props.dataset ?? {}).forEach(([key, value]) => {
        node.dataset[key] = value;
    });
    Object.entries(props.attrs ?? {}).forEach(([key, value]) => node.setAttribute(key, value));
    Object.entries(props.on ?? {}).forEach(([event, handler]) => {
        if (handler) {
            node.addEventListener(event, handler);
        }
    });
    children.forEach((child) => {
        if (child) {
            node.append(child);
        }
    });
    return node;
}

/** Replaces a node's children. */
export function replaceChildren(parent: Element, children: Child[]): void {
    parent.replaceChildren(...children.filter((child): child is Node | string => Boolean(child)));
}
