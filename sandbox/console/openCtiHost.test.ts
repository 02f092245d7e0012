// The sandbox console's Open CTI host, driven by the sandbox's client across two simulated frames,
// checked against docs/reference/open-cti.md: response shapes, errors, listeners, LMS, origin
// checks, the journal and fault injection.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createOpenCtiClient, TOOLKIT_METHODS } from '../opencti/openCtiClient.ts';
import { API_TYPE, type OpenCtiResponse } from '../opencti/protocol.ts';
import { createFramePair, type FramePair } from '../test/framePair.ts';
import { Faults } from './faults.ts';
import { IDS, SHARED_PHONE, createFixtures, type SandboxRecord } from './fixtures.ts';
import { Journal } from './journal.ts';
import { LmsBus } from './lmsBus.ts';
import { createOpenCtiHost, type ConsoleSurface, type OpenCtiHost } from './openCtiHost.ts';

const API_VERSION = '62.0';
const CHANNEL = 'Flex_Record_Selection__c';

function surfaceOver(records: SandboxRecord[]) {
    const state = {
        openRecordId: undefined as string | undefined,
        panelVisible: false,
        clickToDial: false,
        icon: '',
        label: '',
        popoutable: [] as boolean[],
        refreshes: 0
    };
    const surface: ConsoleSurface = {
        records,
        openRecord(recordId) {
            if (!records.some((record) => record.Id === recordId)) {
                return false;
            }
            state.openRecordId = recordId;
            return true;
        },
        currentRecord: () => records.find((record) => record.Id === state.openRecordId),
        setPanelVisible: (visible) => (state.panelVisible = visible),
        isPanelVisible: () => state.panelVisible,
        setClickToDialEnabled: (enabled) => (state.clickToDial = enabled),
        setItemIcon: (key) => (state.icon = key),
        setItemLabel: (label) => (state.label = label),
        setPopoutable: (popoutable) => state.popoutable.push(popoutable),
        refreshView: () => (state.refreshes += 1)
    };
    return { surface, state };
}

describe('sandbox Open CTI host', () => {
    let pair: FramePair;
    let records: SandboxRecord[];
    let state: ReturnType<typeof surfaceOver>['state'];
    let journal: Journal;
    let faults: Faults;
    let lms: LmsBus;
    let host: OpenCtiHost;
    let sforce: Record<string, unknown>;

    /** Calls an Open CTI method and waits for its callback. */
    const call = async (method: string, options: Record<string, unknown> = {}) => {
        let response: OpenCtiResponse | undefined;
        (sforce[method] as (options: Record<string, unknown>) => void)({
            ...options,
            callback: (result: OpenCtiResponse) => (response = result)
        });
        await pair.settle();
        return response;
    };

    beforeEach(() => {
        pair = createFramePair();
        records = createFixtures();
        const over = surfaceOver(records);
        state = over.state;
        journal = new Journal(() => 0);
        faults = new Faults();
        lms = new LmsBus();
        host = createOpenCtiHost({
            win: pair.consoleWindow,
            softphone: pair.softphoneFrame,
            surface: over.surface,
            journal,
            faults,
            lms
        });
        sforce = createOpenCtiClient(pair.softphoneWindow, API_VERSION);
    });

    it("takes the toolkit stand-in's pop-out setting over the same checked channel", async () => {
        const toolkit = createOpenCtiClient(pair.softphoneWindow, API_VERSION, TOOLKIT_METHODS);
        assert.equal(toolkit.setSoftphoneItemLabel, undefined);
        const answers: OpenCtiResponse[] = [];
        const set = toolkit.setCustomConsoleComponentPopoutable as (o: object) => void;
        set({ popoutable: false, callback: (r: OpenCtiResponse) => answers.push(r) });
        set({ popoutable: 'no', callback: (r: OpenCtiResponse) => answers.push(r) });
        await pair.settle();
        assert.deepEqual(state.popoutable, [false]);
        assert.equal(answers[0]?.success, true);
        assert.equal(answers[1]?.success, false);
        assert.equal(answers[1]?.errors?.[0]?.code, 'INVALID_PARAM');
        assert.deepEqual(pair.dropped, []);
    });

    it('answers searchAndScreenPop with the documented map and pops a single match only', async () => {
        const several = await call('searchAndScreenPop', {
            searchParams: '4155550123',
            callType: 'inbound'
        });
        assert.equal(several?.success, true);
        assert.equal(several?.errors, null);
        assert.deepEqual(
            Object.keys(several?.returnValue as object).sort(),
            [IDS.adaContact, IDS.adaLead, IDS.analyticalEngines].sort()
        );
        assert.deepEqual((several?.returnValue as Record<string, unknown>)[IDS.adaLead], {
            Id: IDS.adaLead,
            Name: 'Ada Byron',
            RecordType: 'Lead'
        });
        assert.equal(state.openRecordId, undefined, 'several matches: no pop');

        const deferred = await call('searchAndScreenPop', {
            searchParams: 'Grace',
            callType: 'inbound',
            deferred: true
        });
        assert.deepEqual(Object.keys(deferred?.returnValue as object), [IDS.graceContact]);
        assert.equal(state.openRecordId, undefined, 'deferred: no pop');

        await call('searchAndScreenPop', { searchParams: 'Grace', callType: 'inbound' });
        assert.equal(state.openRecordId, IDS.graceContact);
    });

    it('adds IsPersonAccount and PersonContactId for a person account', async () => {
        const found = await call('searchAndScreenPop', {
            searchParams: '(757) 555-0147',
            callType: 'inbound'
        });
        assert.deepEqual(found?.returnValue, {
            [IDS.katherinePersonAccount]: {
                Id: IDS.katherinePersonAccount,
                Name: 'Katherine Johnson',
                RecordType: 'Account',
                IsPersonAccount: true,
                PersonContactId: IDS.katherinePersonContact
            }
        });
    });

    it('refuses an unknown callType with INVALID_PARAM', async () => {
        const response = await call('searchAndScreenPop', {
            searchParams: 'Ada',
            callType: 'sideways'
        });
        assert.equal(response?.success, false);
        assert.equal(response?.returnValue, null);
        assert.equal(response?.errors?.[0]?.code, 'INVALID_PARAM');
    });

    it('saves a log and answers with the new Task Id; refuses a WhoId that is not a person', async () => {
        const saved = await call('saveLog', {
            value: { entityApiName: 'Task', Subject: 'Call', WhoId: IDS.adaLead }
        });
        assert.equal(saved?.success, true);
        assert.match(String(saved?.returnValue), /^00T[0-9A-Za-z]{15}$/);
        assert.ok(records.some((record) => record.Id === saved?.returnValue));

        const refused = await call('saveLog', {
            value: { entityApiName: 'Task', Subject: 'Call', WhoId: IDS.analyticalEngines }
        });
        assert.equal(refused?.success, false);
        assert.deepEqual(refused?.errors?.[0]?.details, [
            {
                fieldName: 'WhoId',
                statusCode: 'FIELD_INTEGRITY_EXCEPTION',
                message: `Name ID: id value of incorrect type: ${IDS.analyticalEngines}`
            }
        ]);
    });

    it('turns phone fields into click-to-dial only after enableClickToDial, and sends the documented payload', async () => {
        const dialled: unknown[] = [];
        (sforce.onClickToDial as (options: unknown) => void)({
            listener: (payload: unknown) => dialled.push(payload)
        });
        await pair.settle();
        const ada = records.find((record) => record.Id === IDS.adaContact);
        assert.ok(ada);
        assert.equal(host.clickToDial(ada, 'Phone'), false, 'not enabled yet');

        await call('enableClickToDial');
        assert.equal(state.clickToDial, true);
        assert.equal(host.clickToDial(ada, 'Phone'), true);
        await pair.settle();
        assert.deepEqual(dialled, [
            {
                number: SHARED_PHONE,
                recordId: IDS.adaContact,
                recordName: 'Ada Lovelace',
                objectType: 'Contact',
                accountId: IDS.analyticalEngines,
                params: `Phone=${SHARED_PHONE}`
            }
        ]);

        await call('disableClickToDial');
        assert.equal(host.clickToDial(ada, 'Phone'), false);
    });

    it('tells the softphone about navigation in getAppViewInfo’s shape', async () => {
        const seen: unknown[] = [];
        (sforce.onNavigationChange as (options: unknown) => void)({
            listener: (payload: unknown) => seen.push(payload)
        });
        await pair.settle();
        state.openRecordId = IDS.caseBrokenEngine;
        host.navigationChanged();
        await pair.settle();
        const view = await call('getAppViewInfo');
        assert.deepEqual(seen, [view?.returnValue]);
        assert.deepEqual(view?.returnValue, {
            url: `/lightning/r/Case/${IDS.caseBrokenEngine}/view`,
            recordId: IDS.caseBrokenEngine,
            recordName: '00001001',
            objectType: 'Case'
        });
    });

    it('checks panel sizes against the documented bounds and reports visibility', async () => {
        assert.equal((await call('setSoftphonePanelHeight', { heightPX: 239 }))?.success, false);
        assert.equal((await call('setSoftphonePanelHeight', { heightPX: 2560 }))?.success, true);
        assert.equal((await call('setSoftphonePanelWidth', { widthPX: 1921 }))?.success, false);
        await call('setSoftphonePanelVisibility', { visible: true });
        assert.deepEqual((await call('isSoftphonePanelVisible'))?.returnValue, { visible: true });
        await call('setSoftphoneItemIcon', { key: 'call' });
        await call('setSoftphoneItemLabel', { label: 'On a call' });
        assert.deepEqual([state.icon, state.label], ['call', 'On a call']);
    });

    it('returns call center settings as a flat map keyed by path', async () => {
        const settings = await call('getCallCenterSettings');
        assert.equal(
            (settings?.returnValue as Record<string, string>)['/reqGeneralInfo/reqAdapterUrl'],
            'http://localhost:4401/softphone/'
        );
    });

    it('bridges LMS both ways and never echoes a publisher’s own message', async () => {
        const toSoftphone: unknown[] = [];
        const toPicker: unknown[] = [];
        (sforce.subscribe as (options: unknown) => void)({
            channelName: CHANNEL,
            listener: (message: unknown) => toSoftphone.push(message)
        });
        await pair.settle();
        lms.subscribe(CHANNEL, (message) => toPicker.push(message), 'picker');

        lms.publish(CHANNEL, { recordId: IDS.adaContact }, 'picker');
        (sforce.publish as (options: unknown) => void)({
            channelName: CHANNEL,
            message: { type: 'candidates' }
        });
        await pair.settle();
        assert.deepEqual(toSoftphone, [{ recordId: IDS.adaContact }]);
        assert.deepEqual(toPicker, [{ type: 'candidates' }]);

        const refused = await call('publish', { channelName: 'not a channel', message: {} });
        assert.equal(refused?.errors?.[0]?.code, 'INVALID_PARAM');
    });

    it('hears only the softphone frame from the softphone origin, and journals the rest as refused', async () => {
        const forged = {
            methodName: 'saveLog',
            callId: 1,
            apiVersion: API_VERSION,
            apiType: API_TYPE,
            isCallbackRegistered: true,
            isListenerRegistered: false,
            args: { object: { entityApiName: 'Task', Subject: 'Forged' } }
        };
        const before = records.length;
        pair.foreignFrame('http://localhost:4401.evil.example').postMessage(
            forged,
            'http://localhost:4400'
        );
        // The right origin from another window (say, a second frame of the softphone's host).
        pair.foreignFrame('http://localhost:4401').postMessage(forged, 'http://localhost:4400');
        await pair.settle();
        assert.equal(records.length, before, 'nothing saved');
        assert.deepEqual(
            journal.toJSON().map(({ kind, methodName }) => [kind, methodName]),
            [
                ['refused', 'saveLog'],
                ['refused', 'saveLog']
            ]
        );
    });

    it('answers an unknown method with INVALID_PARAM', async () => {
        const answers: unknown[] = [];
        pair.softphoneWindow.addEventListener('message', (event) => answers.push(event.data));
        pair.softphoneWindow.parent.postMessage(
            {
                methodName: 'deleteEverything',
                callId: 99,
                apiVersion: API_VERSION,
                apiType: API_TYPE,
                isCallbackRegistered: true,
                isListenerRegistered: false,
                args: {}
            },
            'http://localhost:4400'
        );
        await pair.settle();
        assert.equal(answers.length, 1);
        assert.deepEqual((answers[0] as { response: OpenCtiResponse }).response, {
            success: false,
            returnValue: null,
            errors: [
                {
                    code: 'INVALID_PARAM',
                    description: 'Unknown method deleteEverything',
                    details: []
                }
            ]
        });
    });

    it('journals every request and answer in order', async () => {
        await call('refreshView');
        await call('isSoftphonePanelVisible');
        assert.deepEqual(
            journal
                .toJSON()
                .map(({ seq, kind, methodName, callId }) => [seq, kind, methodName, callId]),
            [
                [1, 'request', 'refreshView', 1],
                [2, 'response', 'refreshView', 1],
                [3, 'request', 'isSoftphonePanelVisible', 2],
                [4, 'response', 'isSoftphonePanelVisible', 2]
            ]
        );
        assert.equal(state.refreshes, 1);
        assert.deepEqual(pair.dropped, [], "both sides named the receiver's exact origin");
    });

    it('fails, drops or delays the next N calls of a method when told to', async () => {
        faults.inject({ methodName: 'saveLog', mode: 'fail', count: 2 });
        const value = { entityApiName: 'Task', Subject: 'Call' };
        const first = await call('saveLog', { value });
        const second = await call('saveLog', { value });
        const third = await call('saveLog', { value });
        assert.deepEqual([first?.success, second?.success, third?.success], [false, false, true]);
        assert.equal(first?.errors?.[0]?.code, 'GENERIC_ERROR');

        faults.inject({ methodName: '*', mode: 'drop', count: 1 });
        assert.equal(await call('getAppViewInfo'), undefined, 'dropped: no answer ever');
        assert.equal((await call('getAppViewInfo'))?.success, true);

        faults.inject({ methodName: 'refreshView', mode: 'delay', count: 1, delayMs: 30 });
        assert.equal(await call('refreshView'), undefined, 'not yet');
        await new Promise((resolve) => setTimeout(resolve, 40));
        await pair.settle();
        assert.equal(state.refreshes, 1);
    });

    it('forgets the softphone’s listeners, subscriptions and click-to-dial when it unloads', async () => {
        const dialled: unknown[] = [];
        (sforce.onClickToDial as (options: unknown) => void)({
            listener: (payload: unknown) => dialled.push(payload)
        });
        (sforce.subscribe as (options: unknown) => void)({ channelName: CHANNEL, listener() {} });
        await call('enableClickToDial');
        assert.equal(lms.subscriberCount(CHANNEL), 1);

        host.softphoneUnloaded();
        assert.equal(state.clickToDial, false);
        assert.equal(lms.subscriberCount(CHANNEL), 0);
        const grace = records.find((record) => record.Id === IDS.graceContact);
        assert.ok(grace);
        assert.equal(host.clickToDial(grace, 'Phone'), false);
    });

    it('sends nothing while the softphone frame is detached', async () => {
        (sforce.onNavigationChange as (options: unknown) => void)({ listener() {} });
        await pair.settle();
        pair.detachSoftphone();
        host.navigationChanged();
        await pair.settle();
        assert.deepEqual(
            journal.toJSON().map(({ kind }) => kind),
            ['request'],
            'no event was sent or journaled'
        );
    });
});
