import * as z from 'zod/mini';
import {
  CHANNEL_PURPOSE,
  FOOTINGS,
  OWN_CUSTOMER_CHANNELS,
  type OwnCustomerChannel,
} from '../consents/purposes.ts';
import { isMainGroup } from '../purchases/main-groups.ts';
import { Month } from '../purchases/schemas.ts';
import { CAMPAIGN_STATUSES } from './campaign-status.ts';

const CHANNELS = Object.keys(CHANNEL_PURPOSE) as (keyof typeof CHANNEL_PURPOSE)[];
const Age = z.int().check(z.minimum(15, 'must be at least 15'), z.maximum(120, 'must be at most 120'));

export const Criteria = z.strictObject({
  language: z.optional(z.enum(['fi', 'sv', 'en'])),
  ageMin: z.optional(Age),
  ageMax: z.optional(Age),
  postalCodePrefix: z.optional(z.string().check(z.regex(/^\d{1,5}$/, 'must be 1 to 5 digits'))),
  /** Members whose purchases in a main group over the months reach the sum; only with `profiling` granted. */
  purchases: z.optional(
    z.strictObject({
      mainGroup: z.string().check(z.refine(isMainGroup, 'must be a main product group code')),
      from: Month,
      to: Month,
      minCents: z.int().check(z.minimum(0, 'must not be negative')),
    }),
  ),
});

const CampaignName = z.string().check(
  z.trim(),
  z.minLength(1, 'must not be empty'),
  z.maxLength(100, 'must be at most 100 characters'),
  // A name shows in lists and CSV exports: no markup, no template or formula characters.
  z.regex(
    /^[\p{L}\p{N}][\p{L}\p{N} .,:!?&()'/-]*$/u,
    "may contain letters, digits, spaces and . , : ! ? & ( ) ' / -",
  ),
);

/**
 * The fields a message may name, written `{{firstName}}`: each filled with the member's own value as
 * plain text (`tier` and `benefit` from their statement of the month that closed last). Anything
 * else between double braces is refused, so that a typo never reaches a member.
 */
export const MERGE_FIELDS = ['firstName', 'tier', 'benefit'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
const MERGE_FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;
const onlyKnownMergeFields = z.refine<string>(
  (text) =>
    [...text.matchAll(MERGE_FIELD)].every(([, name]) => (MERGE_FIELDS as readonly string[]).includes(name!)),
  `may name only the merge fields ${MERGE_FIELDS.map((field) => `{{${field}}}`).join(', ')}`,
);
const Subject = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(150, 'must be at most 150 characters'),
    z.regex(/^[^\r\n]*$/, 'must be one line'),
    onlyKnownMergeFields,
  );
const Body = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(10_000, 'must be at most 10000 characters'),
    onlyKnownMergeFields,
  );
const Message = z.strictObject({ subject: Subject, body: Body });
/**
 * What the campaign says, per language: a member gets their own language's message, else the
 * Finnish one. Plain text: no markup is sent, so no text (the member's own included) becomes markup.
 */
export const Content = z.strictObject({ fi: Message, sv: z.optional(Message), en: z.optional(Message) });
export type ContentInput = z.output<typeof Content>;

/** Of the members reached, the share kept out of the campaign, to measure what it did. */
const HoldoutPercent = z.int().check(z.minimum(0, 'must be 0 or more'), z.maximum(50, 'must be at most 50'));

export const CreateCampaignBody = z.strictObject({
  name: CampaignName,
  channel: z.enum(CHANNELS),
  criteria: z.optional(Criteria),
  content: z.optional(Content),
  holdoutPercent: z.optional(HoldoutPercent),
});
/** A new name or new criteria (replacing the old ones) while a draft; new content until it is sent. */
export const EditCampaignBody = z.strictObject({
  name: z.optional(CampaignName),
  criteria: z.optional(Criteria),
  content: z.optional(Content),
  holdoutPercent: z.optional(HoldoutPercent),
});
export const CampaignPath = z.strictObject({
  campaignId: z.string().check(z.regex(/^C-[0-9a-f]{12}$/, 'must be a campaign id such as C-0123456789ab')),
});
export const AudienceQuery = z.strictObject({ format: z.optional(z.enum(['json', 'csv'])) });

export type CreateCampaignInput = z.output<typeof CreateCampaignBody>;
export type CriteriaInput = z.output<typeof Criteria>;
export type EditCampaignInput = z.output<typeof EditCampaignBody>;

/** A figure as the register publishes it: a multiple of five, or "< 5". */
const PublishedFigure = z.union([z.number(), z.literal('< 5')]);
const Figures = {
  considered: PublishedFigure,
  reached: PublishedFigure,
  /** Reached and kept out of the campaign, to measure what it did. */
  heldOut: z.optional(PublishedFigure),
  notMatching: PublishedFigure,
  excluded: z.record(z.string(), PublishedFigure),
};
export const AudiencePreview = z.strictObject({
  ...Figures,
  /** Fewer than five reached: the audience cannot be computed. */
  tooSmall: z.boolean(),
});
const CampaignFields = {
  campaignId: z.string(),
  name: z.string(),
  channel: z.enum(CHANNELS),
  purpose: z.string(),
  criteria: Criteria,
  content: z.optional(Content),
  holdoutPercent: z.optional(z.number()),
  /** The footing its audience was computed on. */
  footing: z.optional(z.enum(FOOTINGS)),
  status: z.enum(CAMPAIGN_STATUSES),
  createdAt: z.string(),
  createdBy: z.string(),
  version: z.number(),
  summary: z.optional(z.strictObject({ computedAt: z.string(), ...Figures })),
  exportKey: z.optional(z.string()),
  /** Sending: how far it has come (sent toward total), what was skipped and why, as figures. */
  delivery: z.optional(
    z.strictObject({
      startedAt: z.string(),
      savedAt: z.string(),
      finishedAt: z.optional(z.string()),
      total: PublishedFigure,
      sent: PublishedFigure,
      claimedBefore: PublishedFigure,
      skipped: z.record(z.string(), PublishedFigure),
    }),
  ),
  progress: z.optional(
    z.strictObject({ startedAt: z.string(), savedAt: z.string(), total: PublishedFigure, ...Figures }),
  ),
};
export const CampaignView = z.strictObject(CampaignFields);
/** A campaign read on its own: with the previews of its audience asked for (who, to the admin only). */
export const CampaignWithPreviews = z.strictObject({
  ...CampaignFields,
  previews: z.array(
    z.strictObject({
      campaignId: z.string(),
      at: z.string(),
      actor: z.optional(z.string()),
      role: z.string(),
      requestId: z.string(),
      criteria: Criteria,
      reached: PublishedFigure,
      purchaseTotalsRead: z.number(),
    }),
  ),
});
export const CampaignList = z.strictObject({
  campaigns: z.array(CampaignView),
  next: z.optional(z.string()),
});
export const CampaignListQuery = z.strictObject({ cursor: z.optional(z.string().check(z.maxLength(2000))) });

/** An unsubscribe link's token: a compact JWE, five base64url parts. */
export const UnsubscribePath = z.strictObject({
  token: z
    .string()
    .check(
      z.maxLength(2000, 'must be at most 2000 characters'),
      z.regex(/^[\w-]*(\.[\w-]*){4}$/, 'must be an unsubscribe link’s token'),
    ),
});
/** RFC 8058: a one-click unsubscribe posts exactly this. */
export const OneClickBody = z.strictObject({ 'List-Unsubscribe': z.literal('One-Click') });

/** Each language's message as a member would get it, their first name filled in (an example one). */
export const MessagePreviews = z.strictObject({
  messages: z.array(
    z.strictObject({ language: z.enum(['fi', 'sv', 'en']), subject: z.string(), text: z.string() }),
  ),
});

const MonthsMeasured = { from: z.string(), to: z.optional(z.string()) };
/**
 * What a campaign did: per main group, what a member it was meant to reach bought more (or less)
 * than a held-out one over the months after it went out, with a 95 % interval; or why not yet.
 */
export const CampaignResults = z.union([
  z.strictObject({ status: z.enum(['not-sent', 'no-holdout']) }),
  z.strictObject({ status: z.literal('waiting'), from: z.string() }),
  z.strictObject({
    status: z.literal('too-small'),
    ...MonthsMeasured,
    contacted: PublishedFigure,
    heldOut: PublishedFigure,
  }),
  z.strictObject({
    status: z.literal('measured'),
    ...MonthsMeasured,
    contacted: PublishedFigure,
    heldOut: PublishedFigure,
    groups: z.array(
      z.strictObject({
        mainGroup: z.string(),
        contactedMeanCents: z.number(),
        heldOutMeanCents: z.number(),
        differenceCents: z.number(),
        lowCents: z.number(),
        highCents: z.number(),
      }),
    ),
  }),
]);

/** Per channel: reach Moymore's own customers without a consent unless they refused (Information Society Code 200 § 2). */
const OwnCustomerException = z.strictObject(
  Object.fromEntries(OWN_CUSTOMER_CHANNELS.map((channel) => [channel, z.boolean()])) as Record<
    OwnCustomerChannel,
    z.ZodMiniBoolean
  >,
);
export const MarketingSettingsBody = z.strictObject({ ownCustomerException: OwnCustomerException });
export const MarketingSettingsView = z.strictObject({
  ownCustomerException: OwnCustomerException,
  /** Each channel's footing under them. */
  footing: z.strictObject({ email: z.enum(FOOTINGS), sms: z.enum(FOOTINGS), post: z.enum(FOOTINGS) }),
  /** Every version, newest first; who set it to the admin only. */
  history: z.array(
    z.strictObject({
      ownCustomerException: OwnCustomerException,
      version: z.number(),
      setAt: z.string(),
      setBy: z.optional(z.string()),
    }),
  ),
});
