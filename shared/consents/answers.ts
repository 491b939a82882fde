import * as z from 'zod/mini';
import { PUBLISHED_NOTICE_VERSIONS, PURPOSE_CODES } from './purposes.ts';

/** A privacy notice version the register published. */
export const NoticeVersion = z.enum(PUBLISHED_NOTICE_VERSIONS);

/** Consents answered on the registration form: one answer per purpose. */
export const RegistrationConsents = z
  .array(
    z.strictObject({ purpose: z.enum(PURPOSE_CODES), granted: z.boolean(), noticeVersion: NoticeVersion }),
  )
  .check(
    z.refine(
      (answers) => new Set(answers.map((answer) => answer.purpose)).size === answers.length,
      'must answer each purpose at most once',
    ),
  );
