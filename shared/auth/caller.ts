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
  /** The route called ("PATCH /members/{customerNumber}") and the request id, for the audit trail. */
  readonly via: string;
  readonly requestId: string;
}

export type ClaimValue = string | number | boolean | string[];

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
  const customerNumber = claims['custom:customerNumber'];
  if (role === 'member') {
    // A member token without its customer number reaches nothing.
    if (typeof customerNumber !== 'string' || customerNumber === '') return 'forbidden';
    return { actor, role, customerNumber, ...call };
  }
  return { actor, role, ...call };
}
