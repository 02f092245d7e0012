// npm start: build the sandbox and serve it until Ctrl-C.
import { buildSandbox } from './build/index.ts';
import { parseHostOrigins, startServer } from './server.ts';

const port = Number(process.env.SANDBOX_PORT ?? 4400);
let extraHosts: string[];
try {
    extraHosts = parseHostOrigins(process.env.SANDBOX_HOST_ORIGIN);
} catch (error) {
    console.error((error as Error).message);
    process.exit(1);
}
const started = Date.now();
await buildSandbox();
const sandbox = await startServer(port, extraHosts);
console.log(`Sandbox built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
console.log(`Flex Console (simulated Salesforce, Open CTI): ${sandbox.origins.console}/`);
console.log(
    `Flex Console without Open CTI (the Flex Softphone component): ${sandbox.origins.console}/?salesforce=lwc`
);
console.log(`Demo CRM (Flex through the host SDK): ${sandbox.origins.app}/app/`);
console.log(`Demo CRM at an origin Flex does not allow: ${sandbox.origins.foreignApp}/app/`);
for (const host of extraHosts) {
    console.log(
        `Your page at ${host} may embed this Flex: flexUrl ${sandbox.origins.softphone}/softphone/?host=app, the SDK at ${sandbox.origins.app}/sdk/flex-host-sdk.min.js`
    );
}
console.log(`Softphone origin: ${sandbox.origins.softphone}  ·  Ctrl-C stops the sandbox.`);
const stop = () => {
    sandbox.close().then(
        () => process.exit(0),
        () => process.exit(1)
    );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
