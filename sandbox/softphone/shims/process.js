// Some bundled Flex dependencies read `process.env` and `process.nextTick` at load time.
export const process = {
    env: { NODE_ENV: 'production' },
    browser: true,
    version: '',
    versions: {},
    platform: 'browser',
    nextTick: (callback, ...args) => queueMicrotask(() => callback(...args)),
    cwd: () => '/'
};
