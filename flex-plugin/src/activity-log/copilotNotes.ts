/*
 * Agent Copilot's wrap-up notes (Flex's `notesSubmitted` event), checked and reduced to what the
 * activity log uses. The event names the interaction, not the task: a task is matched through the
 * Flex Interactions attributes it carries (`flexInteractionChannelSid`, `flexInteractionSid`).
 * The notes may come after the task completed (docs/reference/flex.md).
 */
import * as v from 'valibot';
import type { TaskLike } from '../tasks/taskView';
import type { CopilotNotes } from '../crm/crmPort';

const text = v.optional(v.nullable(v.string()));

const NotesSubmitted = v.object({
    interactionSid: text,
    channelSid: text,
    summary: text,
    sentiment: text,
    dispositionCode: v.optional(
        v.nullable(
            v.object({
                disposition_code: text,
                topic_path: text
            })
        )
    )
});

export interface NotesOrigin {
    interactionSid: string | null;
    channelSid: string | null;
}

export interface SubmittedNotes {
    origin: NotesOrigin;
    notes: CopilotNotes;
}

const filled = (value: string | null | undefined): string | null =>
    typeof value === 'string' && value.trim() ? value.trim() : null;

/** The notes and where they belong; null when the payload is not Copilot's notes. */
export function readSubmittedNotes(payload: unknown): SubmittedNotes | null {
    const result = v.safeParse(NotesSubmitted, payload);
    if (!result.success) {
        return null;
    }
    const event = result.output;
    const origin = {
        interactionSid: filled(event.interactionSid),
        channelSid: filled(event.channelSid)
    };
    if (!origin.interactionSid && !origin.channelSid) {
        return null;
    }
    return {
        origin,
        notes: {
            summary: filled(event.summary),
            sentiment: filled(event.sentiment),
            dispositionCode: filled(event.dispositionCode?.disposition_code),
            topicPath: filled(event.dispositionCode?.topic_path)
        }
    };
}

/** The interaction a task belongs to, as its attributes name it. */
export function originOf(task: TaskLike): NotesOrigin {
    const a = task.attributes;
    return {
        interactionSid:
            typeof a['flexInteractionSid'] === 'string' ? a['flexInteractionSid'] : null,
        channelSid:
            typeof a['flexInteractionChannelSid'] === 'string'
                ? a['flexInteractionChannelSid']
                : null
    };
}

export function sameInteraction(a: NotesOrigin, b: NotesOrigin): boolean {
    if (a.channelSid && b.channelSid) {
        return a.channelSid === b.channelSid;
    }
    return a.interactionSid !== null && a.interactionSid === b.interactionSid;
}
