// npm run build: validate the package directories, then write what an admin can deploy without the sf CLI:
//   dist/flex-salesforce-metadata.zip   Metadata API package (Workbench or any deploy tool)
//   dist/Twilio_Flex.callcenter-import.xml   Setup > Call Centers > Import file
// and refresh the committed copy of the import file in config/.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { toImportXml } from './lib/callCenter.ts';
import { packageDirectories } from './lib/projectLayout.ts';
import { validateProject } from './lib/validateProject.ts';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');

const report = await validateProject(root);
if (report.problems.length) {
    console.error(report.problems.map((p) => `  ✗ ${p}`).join('\n'));
    console.error('Build stopped: fix the metadata problems above (npm run validate:metadata).');
    process.exit(1);
}

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const converted = await new MetadataConverter().convert(
    ComponentSet.fromSource(packageDirectories(root).map((dir) => path.join(root, dir))),
    'metadata',
    {
        type: 'zip',
        outputDirectory: dist,
        packageName: 'flex-salesforce-metadata',
        genUniqueDir: false
    }
);

for (const callCenter of report.callCenters) {
    const fileName = `${callCenter.internalName}.callcenter-import.xml`;
    const xml = toImportXml(callCenter);
    await writeFile(path.join(dist, fileName), xml);
    await writeFile(path.join(root, 'config', fileName), xml);
}

console.log(`Built ${path.relative(root, dist)}/:`);
console.log(
    `  ${path.basename(converted.packagePath ?? '')} (deploy with Workbench or another Metadata API tool)`
);
report.callCenters.forEach((c) =>
    console.log(`  ${c.internalName}.callcenter-import.xml (Setup > Call Centers > Import)`)
);
console.log(
    'Next: docs/admin-guide.md. The local sandbox (npm start) arrives with the Flex plugin.'
);
