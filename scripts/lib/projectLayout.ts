// The project's package directories, from sfdx-project.json: force-app (the package) and any
// unpackaged directory beside it, such as one holding the call center if packaging refuses it
// (docs/release.md). Validation, the build and the scratch-org flow cover all of them.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function packageDirectories(root: string): string[] {
    const project = JSON.parse(readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')) as {
        packageDirectories?: { path?: unknown }[];
    };
    const paths = (project.packageDirectories ?? []).map((entry) => entry.path);
    if (paths.length === 0 || !paths.every((p): p is string => typeof p === 'string' && p !== '')) {
        throw new Error('sfdx-project.json: packageDirectories must list at least one path');
    }
    return paths;
}
