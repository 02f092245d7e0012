// Compiles the package's unchanged LWCs (the record picker and Flex Presence Sync; without Open CTI
// the softphone with its host SDK, and Call with Flex) with @lwc/rollup-plugin for the browser. Platform modules that
// exist only inside Salesforce come from sandbox/lwc/modules (stand-ins for
// lightning/messageService, navigation, uiRecordApi, uiObjectInfoApi, platformUtilityBarApi,
// platformShowToastEvent, recordPicker) and @salesforce/apex calls go to the console's simulated org; the other base
// components (card, button, combobox) are the real ones from lightning-base-components.
// Custom labels are read from the package's CustomLabels metadata.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import lwc from '@lwc/rollup-plugin';
import { rollup, type Plugin } from 'rollup';
import { XMLParser } from 'fast-xml-parser';
import { distDir, forceAppDir, repoRoot, sandboxDir } from './paths.ts';

export async function readCustomLabels(): Promise<Record<string, string>> {
    const xml = await readFile(
        path.join(forceAppDir, 'labels', 'CustomLabels.labels-meta.xml'),
        'utf8'
    );
    const parsed = new XMLParser({ isArray: (name) => name === 'labels' }).parse(xml) as {
        CustomLabels: { labels: { fullName: string; value: string | number }[] };
    };
    return Object.fromEntries(
        parsed.CustomLabels.labels.map((label) => [label.fullName, String(label.value)])
    );
}

function salesforceModules(labels: Record<string, string>): Plugin {
    const prefix = '\0salesforce:';
    return {
        name: 'salesforce-scoped-modules',
        resolveId(source) {
            return source.startsWith('@salesforce/label/') ||
                source.startsWith('@salesforce/messageChannel/') ||
                source.startsWith('@salesforce/apex/')
                ? prefix + source
                : null;
        },
        load(id) {
            if (!id.startsWith(prefix)) {
                return null;
            }
            const source = id.slice(prefix.length);
            if (source.startsWith('@salesforce/label/c.')) {
                const name = source.slice('@salesforce/label/c.'.length);
                if (!(name in labels)) {
                    throw new Error(`No custom label ${name} in CustomLabels.labels-meta.xml`);
                }
                return `export default ${JSON.stringify(labels[name])};`;
            }
            if (source.startsWith('@salesforce/apex/')) {
                // Apex runs in the org: the console's simulated org answers (lwcPlatform.ts).
                const method = source.slice('@salesforce/apex/'.length);
                return `export default (params) => window.sandboxConsole.lwcPlatform.apex(${JSON.stringify(method)}, params ?? {});`;
            }
            const channel = source.slice('@salesforce/messageChannel/'.length);
            return `export default ${JSON.stringify({ channelName: channel })};`;
        }
    };
}

/**
 * `aura:<bundle>` imports the bundle's real controller: an Aura controller is one object literal in
 * parentheses, which becomes the module's default export (as jest.config.cjs does for Jest).
 */
function auraControllers(): Plugin {
    const prefix = '\0aura:';
    return {
        name: 'aura-controllers',
        resolveId: (source) => (source.startsWith('aura:') ? prefix + source.slice(5) : null),
        async load(id) {
            if (!id.startsWith(prefix)) return null;
            const bundle = id.slice(prefix.length);
            const file = path.join(forceAppDir, 'aura', bundle, `${bundle}Controller.js`);
            const source = (await readFile(file, 'utf8')).trim().replace(/;$/, '');
            return `export default ${source};`;
        }
    };
}

export async function buildLwc(): Promise<void> {
    const lwcDir = path.join(forceAppDir, 'lwc');
    const packageComponents = (await readdir(lwcDir, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
    const bundle = await rollup({
        input: path.join(sandboxDir, 'lwc', 'main.js'),
        plugins: [
            salesforceModules(await readCustomLabels()),
            auraControllers(),
            {
                name: 'no-ssr',
                transform: (code) =>
                    code.includes('import.meta.env.SSR') || code.includes('process.env.NODE_ENV')
                        ? code
                              .replaceAll('import.meta.env.SSR', 'false')
                              .replaceAll('process.env.NODE_ENV', '"production"')
                        : null
            },
            lwc({
                rootDir: repoRoot,
                modules: [
                    { dir: path.join(sandboxDir, 'lwc', 'modules') },
                    // The package's components, each `c/<folder>`, as the platform names them.
                    ...packageComponents.map((name) => ({
                        name: `c/${name}`,
                        path: path.join(lwcDir, name, `${name}.js`)
                    })),
                    { npm: 'lightning-base-components' }
                ],
                enableDynamicComponents: false
            })
        ],
        onwarn: (warning, warn) => {
            // LWC1137 is in Salesforce's own lightning-card template (one slot per if-branch).
            const known = ['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'SOURCEMAP_BROKEN'];
            if (!known.includes(warning.code ?? '') && !warning.message.includes('LWC1137')) {
                warn(warning);
            }
        }
    });
    await bundle.write({
        file: path.join(distDir, 'lwc', 'record-picker.js'),
        format: 'iife',
        inlineDynamicImports: true
    });
    await bundle.close();
}
