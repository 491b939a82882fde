import * as z from 'zod/mini';
import { PURPOSE_CODES } from './purposes.ts';

export const NoticeVersion = z
  .string()
  .check(z.regex(/^[\w.-]{1,20}$/, 'must be a privacy notice version such as 2026.1'));

/** Consents answered on the registration form. */
export const RegistrationConsents = z.array(
  z.strictObject({ purpose: z.enum(PURPOSE_CODES), granted: z.boolean(), noticeVersion: NoticeVersion }),
);
