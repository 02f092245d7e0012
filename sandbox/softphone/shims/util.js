// Browser stand-in for Node's `util`, which bundled Flex dependencies import for a few helpers.
export const types = {};
export function inherits(ctor, superCtor) {
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
    Object.setPrototypeOf(ctor, superCtor);
}
export function deprecate(fn) {
    return fn;
}
export function inspect(value) {
    try {
        return JSON.stringify(value);
    } catch {
        return String(value);
    }
}
export function format(...args) {
    return args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ');
}
export const TextEncoder = globalThis.TextEncoder;
export const TextDecoder = globalThis.TextDecoder;
export default { types, inherits, deprecate, inspect, format, TextEncoder, TextDecoder };
