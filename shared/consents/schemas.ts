import * as z from 'zod/mini';
import { CustomerNumber } from '../members/schemas.ts';
import { ENTRY_CHANNELS, STAFF_ENTRY_CHANNELS } from '../members/entry-channel.ts';
import { CONSENT_SOURCES, PURPOSE_CODES } from './purposes.ts';
import { NoticeVersion } from './answers.ts';

export const ConsentPath = z.strictObject({ customerNumber: CustomerNumber, purpose: z.enum(PURPOSE_CODES) });

export const ConsentBody = z.strictObject({
  granted: z.boolean(),
  source: z.enum(CONSENT_SOURCES),
  noticeVersion: NoticeVersion,
  /** Staff's channel (a member's own answer is self-service); none: another system through the API. */
  channel: z.optional(z.enum(STAFF_ENTRY_CHANNELS)),
});

const ConsentView = z.strictObject({
  purpose: z.string(),
  granted: z.boolean(),
  source: z.string(),
  noticeVersion: z.optional(z.string()),
  channel: z.optional(z.enum(ENTRY_CHANNELS)),
  at: z.string(),
  actor: z.string(),
});
/** What a change answers: the consents as they are now. */
export const ConsentState = z.strictObject({
  /** The notice in force, which a change answers to. */
  version: NoticeVersion,
  consents: z.array(ConsentView),
});
export const ConsentList = z.strictObject({
  ...ConsentState.shape,
  /** The campaigns that reached the member, oldest first. */
  /** The campaigns that reached the member, and those that held them out to measure what they did. */
  contacts: z.array(
    z.strictObject({
      campaignId: z.string(),
      channel: z.string(),
      at: z.string(),
      heldOut: z.optional(z.boolean()),
    }),
  ),
});
export const ConsentHistory = z.strictObject({
  events: z.array(z.strictObject({ ...ConsentView.shape, previously: z.nullable(z.boolean()) })),
});
