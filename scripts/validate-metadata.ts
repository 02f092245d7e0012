// npm run validate:metadata: offline checks of force-app (see lib/validateProject.ts). Exits 1 on any problem.
import path from 'node:path';
import { validateProject } from './lib/validateProject.ts';

const root = path.resolve(import.meta.dirname, '..');
const report = await validateProject(root);
console.log(
    `Metadata validation: ${report.filesChecked} XML files, ${report.components.length} components, ` +
        `converted to Metadata API format as ${report.convertedTypes.join(', ')}.`
);
if (report.problems.length) {
    console.error(report.problems.map((p) => `  ✗ ${p}`).join('\n'));
    console.error(`${report.problems.length} metadata problem(s).`);
    process.exit(1);
}
console.log('No metadata problems.');
