import * as z from 'zod/mini';

export const ERASURE_REASONS = ['member-request', 'deceased', 'membership-ended', 'other'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

export const ErasureQuery = z.strictObject({ reason: z.enum(ERASURE_REASONS) });
export const RestrictionBody = z.strictObject({ restricted: z.boolean() });
export const PaperFormQuery = z.strictObject({ lang: z._default(z.enum(['fi', 'sv', 'en']), 'fi') });
export const PrivacyNoticeQuery = z.strictObject({
  lang: z._default(z.enum(['fi', 'en']), 'fi'),
  format: z._default(z.enum(['html', 'json']), 'html'),
});

/** "Who viewed my data": an admin also sees which user and the request. */
export const AuditTrailView = z.strictObject({
  customerNumber: z.string(),
  entries: z.array(
    z.strictObject({
      seq: z.number(),
      at: z.string(),
      role: z.string(),
      action: z.string(),
      purpose: z.string(),
      via: z.string(),
      fields: z.optional(z.array(z.string())),
      /** Why, where the change needed one (a date of birth corrected). */
      reason: z.optional(z.string()),
      actor: z.optional(z.string()),
      requestId: z.optional(z.string()),
    }),
  ),
  /** The campaigns that reached the member: what marketing read of them, once per campaign. */
  campaignReads: z.array(
    z.strictObject({
      at: z.string(),
      campaignId: z.string(),
      channel: z.string(),
      fields: z.array(z.string()),
    }),
  ),
});
