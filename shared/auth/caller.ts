import { isRole, ROLES, type Role } from './roles.ts';
import { isTillToken, scopesOf } from './scopes.ts';

/** Who is calling, as the domain sees it: no token, no claims shape. */
export interface Caller {
  /** Stable subject id of the token (Cognito `sub`), recorded in audit items. */
  readonly actor: string;
  /** The role this call acts in: the most privileged of the caller's groups that the route allows. */
  readonly role: Role;
  /** Set for members: the only record they may reach. */
  readonly customerNumber?: string;
  /** A member's email when their identity provider verified it: linking their account may rest on it. */
  readonly verifiedEmail?: string;
  /** The route called ("PATCH /members/{customerNumber}") and the request id, for the audit trail. */
  readonly via: string;
  readonly requestId: string;
}

export type ClaimValue = string | number | boolean | string[];

/** The ID token claim that names a member's customer number (set by the sign-in trigger from the account's link). */
export const CUSTOMER_NUMBER_CLAIM = 'custom:customerNumber';

/**
 * API Gateway's HTTP API JWT authorizer hands claims over as strings, a list claim flattened to
 * `"[admin customer-service]"`: exactly that form is read, names separated by single spaces. Nothing
 * else counts, so a group named "pos,admin" is one unknown group, not two roles.
 */
export function groupsFromClaim(value: ClaimValue | undefined): Role[] {
  if (typeof value !== 'string') return [];
  const listed = /^\[(.*)\]$/.exec(value);
  if (!listed || listed[1] === '') return [];
  return listed[1]!.split(' ').filter(isRole);
}

/**
 * The one place a caller becomes a role: a person by their Cognito groups, a till by the scopes of
 * its client-credentials access token. In the order of ROLES, restricted to those the route allows.
 */
export function callerFromClaims(
  claims: Record<string, ClaimValue> | undefined,
  allowed: readonly Role[],
  call: { via: string; requestId: string },
  /** A route where a member's account not yet linked to a membership may call (to link it). */
  unlinkedMember = false,
): Caller | 'unauthenticated' | 'forbidden' {
  const actor = claims?.sub;
  if (!claims || typeof actor !== 'string' || actor === '') return 'unauthenticated';
  // `pos` is the tills' alone: a person in a group of that name is not a till.
  const groups: Role[] = [
    ...groupsFromClaim(claims['cognito:groups']).filter((group) => group !== 'pos'),
    ...(isTillToken(scopesOf(claims.scope)) ? (['pos'] as const) : []),
  ];
  const role = ROLES.find((r) => allowed.includes(r) && groups.includes(r));
  if (!role) return 'forbidden';
  const customerNumber = claims[CUSTOMER_NUMBER_CLAIM];
  // API Gateway hands boolean claims over as strings.
  const email = claims.email_verified === true || claims.email_verified === 'true' ? claims.email : undefined;
  const verified = typeof email === 'string' && email !== '' ? { verifiedEmail: email } : {};
  if (role === 'member') {
    // A member token without its customer number reaches nothing but the linking of its account.
    if (typeof customerNumber === 'string' && customerNumber !== '')
      return { actor, role, customerNumber, ...verified, ...call };
    return unlinkedMember ? { actor, role, ...verified, ...call } : 'forbidden';
  }
  return { actor, role, ...call };
}
