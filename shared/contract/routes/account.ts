import { LinkAccountBody, LinkedAccount } from '../../accounts/schemas.ts';
import { JoinBody, MemberView } from '../../members/schemas.ts';
import type { RouteSpec } from '../route.ts';

// A member's own sign-in account. One export per route, as routes.ts says.

/** A member's own sign-in account, not yet linked: link it to their membership, or join. */
export const linkAccount = {
  method: 'POST',
  path: '/account/link',
  handler: 'api/account/link',
  roles: ['member'],
  unlinkedMember: true,
  summary:
    'Link your sign-in account to your membership: by your verified email (which takes it back from an account linked by card), or by card number and birth date (five failures lock your account out for an hour; the member is told by email)',
  body: LinkAccountBody,
  responses: {
    200: {
      description: 'Linked (or linked already): sign in again to reach your pages',
      body: LinkedAccount,
    },
    409: { description: 'The membership has an account already' },
    422: { description: 'No membership matches, or the email is not verified' },
    429: { description: 'Too many attempts: Retry-After says when to try again' },
  },
  tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchWriteItem'],
  // A link by card, and a membership taken back, are told by email in the same write.
  startsJob: 'account-notice',
} as const satisfies RouteSpec;

export const joinAsMember = {
  method: 'POST',
  path: '/account/membership',
  handler: 'api/account/join',
  roles: ['member'],
  unlinkedMember: true,
  summary: 'Join as a new member with your verified email; your account is linked to the new membership',
  body: JoinBody,
  responses: {
    201: { description: 'Joined and linked: sign in again to reach your pages', body: MemberView },
    400: { description: 'Not valid' },
    409: { description: 'Your email or mobile belongs to a member already: link instead' },
    422: { description: 'The email is not verified' },
  },
  tableActions: ['GetItem', 'PutItem', 'Query'],
} as const satisfies RouteSpec;
