import * as z from 'zod/mini';
import { ERASURE_REASONS } from './rights.ts';

export const ErasureQuery = z.strictObject({ reason: z.enum(ERASURE_REASONS) });
export const RestrictionBody = z.strictObject({ restricted: z.boolean() });
export const PrivacyNoticeQuery = z.strictObject({
  lang: z._default(z.enum(['fi', 'en']), 'fi'),
  format: z._default(z.enum(['html', 'json']), 'html'),
});
