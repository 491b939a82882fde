import * as z from 'zod/mini';
import { CHANNEL_PURPOSE } from '../consents/purposes.ts';
import { isMainGroup } from '../purchases/main-groups.ts';
import { Month } from '../purchases/schemas.ts';

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

export const CreateCampaignBody = z.strictObject({
  name: z.string().check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(100, 'must be at most 100 characters'),
    // A name shows in lists and CSV exports: no markup, no template or formula characters.
    z.regex(
      /^[\p{L}\p{N}][\p{L}\p{N} .,:!?&()'/-]*$/u,
      "may contain letters, digits, spaces and . , : ! ? & ( ) ' / -",
    ),
  ),
  channel: z.enum(CHANNELS),
  criteria: z.optional(Criteria),
});
export const CampaignPath = z.strictObject({
  campaignId: z.string().check(z.regex(/^C-[0-9a-f]{12}$/, 'must be a campaign id such as C-0123456789ab')),
});
export const AudienceQuery = z.strictObject({ format: z.optional(z.enum(['json', 'csv'])) });

export type CreateCampaignInput = z.output<typeof CreateCampaignBody>;
export type CriteriaInput = z.output<typeof Criteria>;
