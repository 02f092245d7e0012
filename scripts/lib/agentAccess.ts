// What an agent's session needs from the package at run time, checked offline: the permission set
// lets agents create the Tasks the activity log writes (Edit Tasks, and every packaged Activity
// field) and call the Apex the components call, and a Trusted URL lets the console frame the call center's adapter with the microphone.
import { generalItems, type CallCenter } from './callCenter.ts';
import { childText, childrenNamed, type XmlElement } from './xml.ts';

/** The permission set the docs and release scripts assign to agents. */
export const AGENT_PERMISSION_SET = 'Flex_Agent';
/** User permissions the activity log cannot work without: saveLog creates and updates Tasks. */
export const AGENT_USER_PERMISSIONS = ['EditTask'];
/** Salesforce's limit for PermissionSet and CspTrustedSite descriptions. */
const DESCRIPTION_MAX = 255;

const isTrue = (element: XmlElement, name: string) => childText(element, name) === 'true';

function descriptionProblem(kind: string, name: string, element: XmlElement): string[] {
    const length = (childText(element, 'description') ?? '').length;
    return length > DESCRIPTION_MAX
        ? [`${kind} ${name}: description has ${length} characters, at most ${DESCRIPTION_MAX}`]
        : [];
}

/**
 * Problems with the agents' permission set.
 * @param activityFields the packaged Activity custom fields, as `Activity.Name__c`
 * @param auraEnabledClasses the packaged Apex classes components call (`@AuraEnabled`)
 */
export function checkAgentPermissionSet(
    permissionSet: XmlElement | undefined,
    activityFields: string[],
    auraEnabledClasses: string[] = []
): string[] {
    if (!permissionSet) {
        return [`permission set ${AGENT_PERMISSION_SET} is missing: agents could not be set up`];
    }
    const problems = descriptionProblem('permission set', AGENT_PERMISSION_SET, permissionSet);
    const granted = new Set(
        childrenNamed(permissionSet, 'userPermissions')
            .filter((permission) => isTrue(permission, 'enabled'))
            .map((permission) => childText(permission, 'name'))
    );
    for (const permission of AGENT_USER_PERMISSIONS.filter((p) => !granted.has(p))) {
        problems.push(
            `permission set ${AGENT_PERMISSION_SET} does not grant ${permission}: Salesforce would refuse every activity log of agents whose profile lacks it`
        );
    }
    const editable = new Set(
        childrenNamed(permissionSet, 'fieldPermissions')
            .filter((p) => isTrue(p, 'editable') && isTrue(p, 'readable'))
            .map((p) => childText(p, 'field'))
    );
    for (const field of activityFields) {
        const onTask = field.replace(/^Activity\./, 'Task.');
        if (!editable.has(onTask)) {
            problems.push(
                `permission set ${AGENT_PERMISSION_SET} does not make ${onTask} readable and editable: activity logs that fill it would be refused`
            );
        }
    }
    const classes = new Set(
        childrenNamed(permissionSet, 'classAccesses')
            .filter((access) => isTrue(access, 'enabled'))
            .map((access) => childText(access, 'apexClass'))
    );
    for (const apexClass of auraEnabledClasses.filter((name) => !classes.has(name))) {
        problems.push(
            `permission set ${AGENT_PERMISSION_SET} does not grant Apex class ${apexClass}: the softphone component's calls to it would fail for agents`
        );
    }
    return problems;
}

/** Problems when no active Trusted URL frames each call center's adapter with the microphone. */
export function checkTrustedSites(
    sites: { name: string; element: XmlElement }[],
    callCenters: CallCenter[]
): string[] {
    const problems = sites.flatMap(({ name, element }) =>
        descriptionProblem('trusted URL', name, element)
    );
    for (const callCenter of callCenters) {
        const adapter = generalItems(callCenter).get('reqAdapterUrl') ?? '';
        let origin: string;
        try {
            origin = new URL(adapter).origin;
        } catch {
            continue; // checkCallCenter reports the adapter URL itself
        }
        const site = sites.find(({ element }) => childText(element, 'endpointUrl') === origin);
        if (!site) {
            problems.push(
                `no trusted URL for ${origin}, the adapter of call center ${callCenter.internalName}: the softphone panel would stay blank`
            );
            continue;
        }
        const { name, element } = site;
        for (const [flag, consequence] of [
            ['isActive', 'it is not applied'],
            ['isApplicableToFrameSrc', 'the softphone panel would stay blank'],
            [
                'canAccessMicrophone',
                'calls would have no audio where the Permissions-Policy header is on'
            ]
        ]) {
            if (!isTrue(element, flag)) {
                problems.push(`trusted URL ${name}: ${flag} is not true, so ${consequence}`);
            }
        }
        if (!['All', 'LEX'].includes(childText(element, 'context') ?? 'All')) {
            problems.push(
                `trusted URL ${name}: context ${childText(element, 'context')} does not cover Lightning Experience`
            );
        }
    }
    return problems;
}
