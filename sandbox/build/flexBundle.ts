// Bundles the real @twilio/flex-ui for the browser. Its npm package ships a library build that
// require()s ~250 dependencies, so esbuild resolves them from the plugin's node_modules, with
// browser stand-ins for the two Node built-ins it touches (path, util) and a `process` shim.
// One change to Flex's code: its module table is exposed (see softphone/standins/flexInternals.ts).
import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { distDir, flexPluginDir, flexPluginModules, sandboxDir } from './paths.ts';

const FLEX_ENTRY_TAIL = 'i(87425)})()));';
const EXPOSED_TAIL = '(globalThis.__FLEX_SANDBOX_REQUIRE__=i,i(87425))})()));';

/** Exposes the webpack module table of the pinned Flex bundle; fails if the bundle changed shape. */
export function exposeModuleTable(source: string): string {
    const parts = source.split(FLEX_ENTRY_TAIL);
    if (parts.length !== 2) {
        throw new Error(
            'The @twilio/flex-ui bundle does not end the way Flex UI 2.17.1 does; update sandbox/build/flexBundle.ts and softphone/standins/flexInternals.ts.'
        );
    }
    return parts.join(EXPOSED_TAIL);
}

const flexDependencies: esbuild.Plugin = {
    name: 'flex-dependencies',
    setup(build) {
        // The sandbox's own entry imports Flex, React and Redux: use the plugin's copies, the
        // ones Flex itself was installed with (Redux 4 is nested under @twilio/flex-ui).
        build.onResolve(
            { filter: /^(@twilio\/flex-ui|react|react-dom|react-redux|redux)$/ },
            async (args) => {
                if (args.pluginData === 'redirected' || !args.importer.startsWith(sandboxDir)) {
                    return undefined;
                }
                const resolveDir =
                    args.path === 'redux'
                        ? path.join(flexPluginModules, '@twilio', 'flex-ui')
                        : flexPluginDir;
                return build.resolve(args.path, {
                    resolveDir,
                    kind: args.kind,
                    pluginData: 'redirected'
                });
            }
        );
        build.onLoad({ filter: /twilio-flex\.prod\.js$/ }, async (args) => ({
            contents: exposeModuleTable(await readFile(args.path, 'utf8')),
            loader: 'js'
        }));
    }
};

export async function buildFlexRuntime({ force = false } = {}): Promise<string> {
    const outfile = path.join(distDir, 'softphone', 'flex-runtime.js');
    const flexPackage = JSON.parse(
        await readFile(path.join(flexPluginModules, '@twilio', 'flex-ui', 'package.json'), 'utf8')
    ) as { version: string };
    const stampFile = `${outfile}.version`;
    const stamp = `${flexPackage.version}:${(await readFile(import.meta.filename, 'utf8')).length}`;
    if (!force) {
        const existing = await readFile(stampFile, 'utf8').catch(() => '');
        const built = await stat(outfile).catch(() => null);
        if (built && existing === stamp) {
            return outfile;
        }
    }
    await mkdir(path.dirname(outfile), { recursive: true });
    await esbuild.build({
        entryPoints: [path.join(sandboxDir, 'softphone', 'flexRuntime.ts')],
        outfile,
        bundle: true,
        format: 'iife',
        platform: 'browser',
        // Flex require()s its dependencies; the sandbox's imports must get the same copies (the
        // CommonJS "main" builds), or React Redux's context would exist twice.
        mainFields: ['browser', 'main'],
        minify: process.env.SANDBOX_DEBUG !== '1',
        legalComments: 'none',
        logLevel: 'error',
        define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
        inject: [path.join(sandboxDir, 'softphone', 'shims', 'process.js')],
        alias: {
            path: path.join(flexPluginModules, 'path-browserify'),
            util: path.join(sandboxDir, 'softphone', 'shims', 'util.js')
        },
        plugins: [flexDependencies]
    });
    await writeFile(stampFile, stamp);
    return outfile;
}
