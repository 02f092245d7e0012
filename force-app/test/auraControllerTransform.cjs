/*
 * Lets Jest import an Aura controller or helper. Aura files are one object literal in parentheses,
 * which Salesforce evaluates itself; here it becomes the module's export, so the tests run the
 * very file that deploys (against fake components and a fake toolkit).
 */
module.exports = {
    process(source) {
        const body = source.trim().replace(/;$/, '');
        return { code: `module.exports = ${body};\n` };
    }
};
