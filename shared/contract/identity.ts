import type { TableAction } from './route.ts';

/** Cognito's trigger on every token it issues: the one place a member's token gets its customer number. */
export const signInTrigger = {
  handler: 'identity/pre-token',
  description:
    'Puts the customer number of the linked membership in a member’s ID token, linking by verified email on the way; records a staff person’s sign-in',
  // A link by email is one audited member save, as a correction is; a staff sign-in is one put.
  tableActions: ['GetItem', 'PutItem', 'DeleteItem', 'Query'],
} as const satisfies { handler: string; description: string; tableActions: readonly TableAction[] };

/** Cognito's trigger when a person confirms their sign-up: it puts them in the member group, nothing else. */
export const signUpTrigger = {
  handler: 'identity/post-confirmation',
  description: 'Puts a person who signed up on their own and confirmed their email in the member group',
} as const;
