/*
 * What Salesforce's Open CTI client script defines, shared by every simulation of it: the plugin's
 * client, its test double (flex-plugin/test/fakes/fakeOpenCti.ts) and the sandbox's stand-in
 * script (sandbox/opencti/). Its enums are lowercase strings on the wire; its argument checks throw
 * synchronously with these words (docs/reference/open-cti.md). No imports: the sandbox's Node and
 * browser builds load this file as it is.
 */
export const SCREENPOP_TYPE = {
    URL: 'url',
    SOBJECT: 'sobject',
    OBJECTHOME: 'objecthome',
    LIST: 'list',
    SEARCH: 'search',
    NEW_RECORD_MODAL: 'newRecord',
    FLOW: 'flow'
} as const;

export const CALL_TYPE = {
    INBOUND: 'inbound',
    OUTBOUND: 'outbound',
    INTERNAL: 'internal'
} as const;

/** The script's words when a method is called with anything but one argument object. */
export const ONE_OBJECT_ERROR =
    'Must pass in only one object which holds arguments to this API method call.';

/** The script's words when a required argument is missing. */
export function missingArgumentError(name: string): string {
    return `Missing the required argument \`${name}\`!`;
}
