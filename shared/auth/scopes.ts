/**
 * The tills are machines: they sign in with OAuth 2.0 client credentials and call with an access token
 * that carries scopes of the register's resource server, never a person's groups.
 */
export const RESOURCE_SERVER = 'moymore-register';

export const TILL_SCOPES = {
  /** Post receipts. */
  purchases: `${RESOURCE_SERVER}/purchases`,
  /** Resolve a card or customer number to "is a member, card status". */
  lookup: `${RESOURCE_SERVER}/lookup`,
} as const;

/** The scopes of an access token, from the flattened `scope` claim ("a b"). */
export const scopesOf = (claim: unknown): string[] =>
  typeof claim === 'string' ? claim.split(' ').filter((scope) => scope !== '') : [];

/** A token with any scope of the register's resource server is a till's. */
export const isTillToken = (scopes: readonly string[]) =>
  scopes.some((scope) => scope.startsWith(`${RESOURCE_SERVER}/`));
