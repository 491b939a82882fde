import * as z from 'zod/mini';
import { BirthDate, CardNumber, Email } from '../members/schemas.ts';
import { STAFF_GROUPS } from './staff.ts';

/** How a signed-in person shows which membership is theirs: their verified email, or their card and birth date. */
export const LinkAccountBody = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('email') }),
  z.strictObject({ by: z.literal('card'), cardNumber: CardNumber, birthDate: BirthDate }),
]);
export type LinkProof = z.output<typeof LinkAccountBody>;

export const LinkedAccount = z.strictObject({ customerNumber: z.string() });

const StaffGroups = z.array(z.enum(STAFF_GROUPS)).check(
  z.minLength(1, 'needs at least one group (to take all access away, disable the account)'),
  z.refine((groups) => new Set(groups).size === groups.length, 'names a group twice'),
);
export const StaffPath = z.strictObject({
  username: z.string().check(z.regex(/^[\w.@+-]{1,128}$/, 'must be an account’s username')),
});
export const InviteStaffBody = z.strictObject({ email: Email, groups: StaffGroups });
export const StaffGroupsBody = z.strictObject({ groups: StaffGroups });
export const StaffEnabledBody = z.strictObject({ enabled: z.boolean() });
export const AccessReviewQuery = z.strictObject({ format: z._default(z.enum(['json', 'csv']), 'json') });

export const StaffAccountView = z.strictObject({
  username: z.string(),
  email: z.string(),
  groups: z.array(z.enum(STAFF_GROUPS)),
  enabled: z.boolean(),
  createdAt: z.string(),
});
export const StaffListView = z.strictObject({ accounts: z.array(StaffAccountView) });
export const AccessReviewView = z.strictObject({
  reviewedAt: z.string(),
  accounts: z.array(
    z.strictObject({
      email: z.string(),
      groups: z.array(z.enum(STAFF_GROUPS)),
      enabled: z.boolean(),
      lastSignInAt: z.optional(z.string()),
      grantedBy: z.array(z.strictObject({ group: z.enum(STAFF_GROUPS), actor: z.string(), at: z.string() })),
    }),
  ),
});
