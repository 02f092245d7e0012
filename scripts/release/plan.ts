// What the release-manager scripts run, as data: each flow is a list of sf CLI calls. Keeping the
// calls declarative lets a test check every command and flag against the installed CLI offline.

export interface SfCall {
    /** What the step does, printed before it runs. */
    purpose: string;
    /** sf command id, words separated by spaces, e.g. "org create scratch". */
    command: string;
    /** Flag name (without --) to value; true for a boolean flag. Values may hold {placeholders}. */
    flags: Record<string, string | true>;
    /** Read a value from the command's --json result for later steps. */
    capture?: { name: string; path: string[] };
    /** Fail the flow unless the captured value satisfies this. */
    expect?: { name: string; equals?: string; nonEmpty?: true; message: string };
}

export interface ReleaseOptions {
    alias: string;
    durationDays: string;
    devHubAuthFile: string;
    /** JWT login (recommended for CI): an external client app's (or connected app's) consumer key, its key file, the user. */
    jwt: { clientId: string; keyFile: string; username: string; instanceUrl: string };
    /** sfdx-project.json's package directories, deployed in order to a scratch org. */
    packageDirectories: string[];
    packageVersionId: string;
    /** Open the app in a browser at the end of scratch-org (off in CI). */
    open: boolean;
}

export const PROJECT = {
    packageName: 'Flex for Salesforce',
    packagePath: 'force-app',
    scratchDefinition: 'config/project-scratch-def.json',
    permissionSet: 'Flex_Agent',
    callCenter: 'Twilio_Flex',
    appPath: 'lightning/app/c__Flex_Console'
} as const;

export const DEFAULT_OPTIONS: ReleaseOptions = {
    alias: 'flex-scratch',
    durationDays: '7',
    devHubAuthFile: 'devhub-auth-url.txt',
    jwt: { clientId: '', keyFile: '', username: '', instanceUrl: 'https://login.salesforce.com' },
    packageDirectories: ['force-app'],
    packageVersionId: '',
    open: true
};

const callCenterQuery = `SELECT Id FROM CallCenter WHERE InternalName = '${PROJECT.callCenter}'`;

function findCallCenter(alias: string): SfCall {
    return {
        purpose: `Find the ${PROJECT.callCenter} call center`,
        command: 'data query',
        flags: { query: callCenterQuery, 'target-org': alias },
        capture: { name: 'callCenterId', path: ['records', '0', 'Id'] },
        expect: {
            name: 'callCenterId',
            nonEmpty: true,
            message: `call center ${PROJECT.callCenter} is not in the org`
        }
    };
}

function findUser(alias: string): SfCall {
    return {
        purpose: 'Find the scratch org user',
        command: 'org display user',
        flags: { 'target-org': alias },
        capture: { name: 'userId', path: ['id'] }
    };
}

export type FlowName = keyof typeof FLOWS;

export const FLOWS = {
    /**
     * Authorise the Dev Hub in CI: with a JWT (an external client app and a dedicated integration user)
     * when its options are given, else from an SFDX auth URL file.
     */
    'devhub-login': (o: ReleaseOptions): SfCall[] => [
        o.jwt.clientId
            ? {
                  purpose: `Log in to the Dev Hub as ${o.jwt.username} with a JWT`,
                  command: 'org login jwt',
                  flags: {
                      'client-id': o.jwt.clientId,
                      'jwt-key-file': o.jwt.keyFile,
                      username: o.jwt.username,
                      'instance-url': o.jwt.instanceUrl,
                      alias: 'devhub',
                      'set-default-dev-hub': true
                  }
              }
            : {
                  purpose: 'Log in to the Dev Hub from an SFDX auth URL',
                  command: 'org login sfdx-url',
                  flags: {
                      'sfdx-url-file': o.devHubAuthFile,
                      alias: 'devhub',
                      'set-default-dev-hub': true
                  }
              }
    ],

    /** Scratch org with the package deployed and the current user ready to take calls. */
    'scratch-org': (o: ReleaseOptions): SfCall[] => [
        {
            purpose: 'Create the scratch org',
            command: 'org create scratch',
            flags: {
                'definition-file': PROJECT.scratchDefinition,
                alias: o.alias,
                'set-default': true,
                'duration-days': o.durationDays,
                wait: '15'
            }
        },
        // Every package directory, so a call center moved out of the package still arrives.
        ...o.packageDirectories.map((dir): SfCall => ({
            purpose: `Deploy ${dir}`,
            command: 'project deploy start',
            flags: { 'source-dir': dir, 'target-org': o.alias, wait: '30' }
        })),
        {
            purpose: `Assign the ${PROJECT.permissionSet} permission set`,
            command: 'org assign permset',
            flags: { name: PROJECT.permissionSet, 'target-org': o.alias }
        },
        {
            // Apex runs only in an org: its tests run here, where the package was just deployed.
            purpose: 'Run the Apex tests, with code coverage',
            command: 'apex run test',
            flags: {
                'test-level': 'RunLocalTests',
                'code-coverage': true,
                'result-format': 'human',
                wait: '20',
                'target-org': o.alias
            }
        },
        findCallCenter(o.alias),
        findUser(o.alias),
        {
            purpose: 'Assign the user to the call center',
            command: 'data update record',
            flags: {
                sobject: 'User',
                'record-id': '{userId}',
                values: 'CallCenterId={callCenterId}',
                'target-org': o.alias
            }
        },
        ...(o.open
            ? [
                  {
                      purpose: 'Open the Flex Console app',
                      command: 'org open',
                      flags: { 'target-org': o.alias, path: PROJECT.appPath }
                  }
              ]
            : [])
    ],

    /**
     * Checks a deployed org is ready for agents (used by the scratch-org workflow), and reads the
     * org's address, from which the Lightning origin Flex must allow follows (lightningOrigin).
     */
    smoke: (o: ReleaseOptions): SfCall[] => [
        findCallCenter(o.alias),
        findUser(o.alias),
        {
            purpose: "Read the org's address (Flex must allow its Lightning origin)",
            command: 'org display',
            flags: { 'target-org': o.alias },
            capture: { name: 'instanceUrl', path: ['instanceUrl'] }
        },
        {
            purpose: 'Check the user is assigned to the call center',
            command: 'data query',
            flags: {
                query: "SELECT CallCenterId FROM User WHERE Id = '{userId}'",
                'target-org': o.alias
            },
            capture: { name: 'userCallCenterId', path: ['records', '0', 'CallCenterId'] },
            expect: {
                name: 'userCallCenterId',
                equals: '{callCenterId}',
                message: 'the user is not assigned to the call center'
            }
        },
        {
            purpose: `Check the ${PROJECT.permissionSet} permission set is assigned`,
            command: 'data query',
            flags: {
                query: `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '{userId}' AND PermissionSet.Name = '${PROJECT.permissionSet}'`,
                'target-org': o.alias
            },
            capture: { name: 'assignmentId', path: ['records', '0', 'Id'] },
            expect: {
                name: 'assignmentId',
                nonEmpty: true,
                message: `${PROJECT.permissionSet} is not assigned`
            }
        }
    ],

    'delete-org': (o: ReleaseOptions): SfCall[] => [
        {
            purpose: 'Delete the scratch org',
            command: 'org delete scratch',
            flags: { 'target-org': o.alias, 'no-prompt': true }
        }
    ],

    /** Once per Dev Hub: registers the unlocked package and writes its alias to sfdx-project.json. */
    'package-create': (): SfCall[] => [
        {
            purpose: 'Create the unlocked package',
            command: 'package create',
            flags: {
                name: PROJECT.packageName,
                'package-type': 'Unlocked',
                path: PROJECT.packagePath,
                'no-namespace': true
            }
        }
    ],

    'version-create': (): SfCall[] => [
        {
            purpose: 'Create a package version',
            command: 'package version create',
            flags: {
                package: PROJECT.packageName,
                'installation-key-bypass': true,
                'definition-file': PROJECT.scratchDefinition,
                'code-coverage': true,
                wait: '30'
            },
            capture: { name: 'packageVersionId', path: ['SubscriberPackageVersionId'] },
            expect: {
                name: 'packageVersionId',
                nonEmpty: true,
                message: 'no package version was created'
            }
        }
    ],

    'version-promote': (o: ReleaseOptions): SfCall[] => [
        {
            purpose: 'Promote the package version to released',
            command: 'package version promote',
            flags: { package: o.packageVersionId, 'no-prompt': true }
        }
    ],

    install: (o: ReleaseOptions): SfCall[] => [
        {
            purpose: 'Install the package version',
            command: 'package install',
            flags: {
                package: o.packageVersionId,
                'target-org': o.alias,
                'security-type': 'AdminsOnly',
                // A version just built is not installable at once: wait for it to be published.
                'publish-wait': '15',
                wait: '20',
                'no-prompt': true
            }
        }
    ]
} satisfies Record<string, (o: ReleaseOptions) => SfCall[]>;

/** Fills {placeholders} from values captured by earlier steps. */
export function fill(value: string, captured: Record<string, string>): string {
    return value.replace(/\{(\w+)\}/g, (_match, name: string) => {
        if (!(name in captured)) {
            throw new Error(`no value for {${name}}: an earlier step did not provide it`);
        }
        return captured[name];
    });
}

/** The argv for `sf`, with placeholders filled. Captured steps ask for --json. */
export function toArgv(call: SfCall, captured: Record<string, string> = {}): string[] {
    const argv = call.command.split(' ');
    for (const [flag, value] of Object.entries(call.flags)) {
        argv.push(`--${flag}`);
        if (value !== true) {
            argv.push(fill(value, captured));
        }
    }
    if (call.capture || call.expect) {
        argv.push('--json');
    }
    return argv;
}

/** The value at path in an sf --json answer's result, or '' when absent. */
export function pick(result: unknown, path: string[]): string {
    let value: unknown = result;
    for (const key of path) {
        value =
            value && typeof value === 'object'
                ? (value as Record<string, unknown>)[key]
                : undefined;
    }
    return value === undefined || value === null ? '' : String(value);
}

/** The links an admin opens to install a package version (production, sandbox). */
/**
 * The origin agents open Lightning Experience on, from the org's instance URL (My Domain):
 * https://acme.my.salesforce.com → https://acme.lightning.force.com, and likewise for sandbox and
 * scratch org domains. Null for an address that is not a My Domain one.
 */
export function lightningOrigin(instanceUrl: string): string | null {
    let host: string;
    try {
        host = new URL(instanceUrl).hostname;
    } catch {
        return null;
    }
    const myDomain =
        /^([a-z0-9-]+(?:\.(?:sandbox|scratch|develop|demo|patch|trailblaze))?)\.my\.salesforce\.com$/i.exec(
            host
        );
    return myDomain ? `https://${myDomain[1]}.lightning.force.com` : null;
}

export function installLinks(packageVersionId: string): { production: string; sandbox: string } {
    const query = `/packaging/installPackage.apexp?p0=${packageVersionId}`;
    return {
        production: `https://login.salesforce.com${query}`,
        sandbox: `https://test.salesforce.com${query}`
    };
}
