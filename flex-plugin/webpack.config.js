// Two adjustments to flex-plugin-scripts' webpack 4 build (which compiles only src/):
// - the plugin bundles the LMS contract straight from the Salesforce package
//   (force-app/.../flexContract), and the host bridge's protocol straight from the host SDK
//   (packages/flex-host-sdk/src), so both sides of each run the very same validators;
// - valibot ships ES2020 (optional chaining), which webpack 4's parser cannot read.
const path = require('path');

const ALSO_COMPILE = [
    path.resolve(__dirname, '../force-app/main/default/lwc/flexContract'),
    path.resolve(__dirname, '../packages/flex-host-sdk/src'),
    path.resolve(__dirname, 'node_modules/valibot')
];

module.exports = (config) => {
    config.resolve.plugins = config.resolve.plugins.filter(
        (plugin) => plugin.constructor.name !== 'ModuleScopePlugin'
    );
    for (const rule of config.module.rules) {
        for (const loader of rule.oneOf || []) {
            if (String(loader.loader).includes('babel-loader')) {
                loader.test = /\.(mjs|js|jsx|ts|tsx)$/;
                loader.include = [loader.include, ...ALSO_COMPILE];
            }
        }
    }
    return config;
};
