import { makeTask } from '../../test/flexHarness';
import { originOf, readSubmittedNotes, sameInteraction } from './copilotNotes';

// The payload as Flex 2.17 emits it (TaskWrapupPanel → FlexModule.events.emitNotesSubmitted).
const PAYLOAD = {
    summary: 'Customer asked to move the delivery to Friday.',
    interactionSid: 'KD0001',
    channelSid: 'UO0001',
    participantSid: 'UT0001',
    sid: 'KY0001',
    sentiment: 'positive',
    dispositionCode: {
        disposition_code: 'Resolved',
        topic_path: 'Orders > Delivery',
        uniqueName: 'Resolved',
        sid: 'DC0001'
    },
    detectedLanguage: 'en',
    areNotesVisible: true
};

describe('Copilot notes', () => {
    test('reads the summary, sentiment, disposition code and topic path', () => {
        expect(readSubmittedNotes(PAYLOAD)).toEqual({
            origin: { interactionSid: 'KD0001', channelSid: 'UO0001' },
            notes: {
                summary: 'Customer asked to move the delivery to Friday.',
                sentiment: 'positive',
                dispositionCode: 'Resolved',
                topicPath: 'Orders > Delivery'
            }
        });
    });

    test('empty values (Flex sends "" for no sentiment) and no disposition become null', () => {
        expect(
            readSubmittedNotes({ ...PAYLOAD, sentiment: '', dispositionCode: undefined })?.notes
        ).toEqual({
            summary: PAYLOAD.summary,
            sentiment: null,
            dispositionCode: null,
            topicPath: null
        });
    });

    test.each([
        ['not an object', 'notes'],
        ['a summary that is not text', { ...PAYLOAD, summary: 42 }],
        ['no interaction to match', { ...PAYLOAD, interactionSid: '', channelSid: undefined }]
    ])('refuses %s', (_name, payload) => {
        expect(readSubmittedNotes(payload)).toBeNull();
    });

    test('matches a task by its interaction channel, else its interaction', () => {
        const task = makeTask({
            attributes: { flexInteractionSid: 'KD0001', flexInteractionChannelSid: 'UO0001' }
        });
        const other = makeTask({
            attributes: { flexInteractionSid: 'KD0001', flexInteractionChannelSid: 'UO0002' }
        });
        const { origin } = readSubmittedNotes(PAYLOAD) ?? { origin: null };
        if (!origin) throw new Error('unreadable');
        expect(sameInteraction(originOf(task), origin)).toBe(true);
        expect(sameInteraction(originOf(other), origin)).toBe(false);
        expect(
            sameInteraction(
                originOf(makeTask({ attributes: { flexInteractionSid: 'KD0001' } })),
                origin
            )
        ).toBe(true);
        expect(sameInteraction(originOf(makeTask()), origin)).toBe(false);
    });
});
