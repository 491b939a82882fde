import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { isRole, ROLES, type Role } from '../../shared/auth/roles.ts';
import type { ClaimValue } from '../../shared/auth/caller.ts';
import { TILL_SCOPES } from '../../shared/auth/scopes.ts';

/**
 * The local stand-in for the Cognito user pool: ID tokens with the claims Cognito puts in them,
 * checked as the API Gateway JWT authorizer checks them (signature, iss, aud, exp, nbf), and no looser than
 * Cognito issues them (exp and iat present, iat not in the future).
 * Clients send the ID token, because Cognito puts custom attributes (custom:customerNumber) only there.
 */
/** The local OIDC provider's issuer: it answers at /oidc beside the API, as Cognito's does at its own URL. */
export const localIssuer = (origin: string) => `${origin}/oidc`;
/** The console's client id at the local provider: the ID tokens' audience. */
export const LOCAL_AUDIENCE = 'moymore-local-client';
export const ALGORITHM = 'ES256';
const KEY_ID = 'local';
const MAX_TOKEN_AGE = '24h';

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface LocalKeys {
  privateKey: Key;
  publicKey: Key;
  /** The private key as a JWK, for the OIDC provider that signs with it. */
  privateJwk: JWK;
  issuer: string;
}

/** The signing key lives in .local/ so the token CLI and the server agree across restarts. */
export async function loadOrCreateKeys(file: string, issuer: string): Promise<LocalKeys> {
  if (!existsSync(file)) {
    const keys = await generateKeyPair(ALGORITHM, { extractable: true });
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      JSON.stringify({
        privateJwk: await exportJWK(keys.privateKey),
        publicJwk: await exportJWK(keys.publicKey),
      }),
      { mode: 0o600 },
    );
  }
  const { privateJwk, publicJwk } = JSON.parse(readFileSync(file, 'utf8')) as {
    privateJwk: JWK;
    publicJwk: JWK;
  };
  return {
    privateKey: (await importJWK(privateJwk, ALGORITHM)) as Key,
    publicKey: (await importJWK(publicJwk, ALGORITHM)) as Key,
    privateJwk: { ...privateJwk, kid: KEY_ID, alg: ALGORITHM, use: 'sig' },
    issuer,
  };
}

/** The local stand-in for a till system's app client (OAuth client credentials). */
export const LOCAL_TILL_CLIENT = 'moymore-local-tills';

export interface TokenRequest {
  role: Role;
  customerNumber?: string;
  subject?: string;
  /** A verified email in the token, as Cognito gives a member who signed up on their own. */
  email?: string;
  ttlSeconds?: number;
  /** For `pos`: a person's ID token in the pos group instead of the tills' access token (to test refusals). */
  idToken?: boolean;
}

/** A local person's subject: the same from the token CLI and the sign-in page. */
export const localSubject = (role: Role, customerNumber?: string) =>
  `local-${role}${customerNumber ? `-${customerNumber}` : ''}`;

/**
 * A token shaped like Cognito's. People get an ID token (cognito:groups as a list, custom:customerNumber
 * for members); `pos` gets what a till's client-credentials grant gives: an access token with the
 * resource server's scopes, its client id and no audience.
 */
export async function signToken(keys: LocalKeys, request: TokenRequest): Promise<string> {
  const subject = request.subject ?? localSubject(request.role, request.customerNumber);
  const till = request.role === 'pos' && !request.idToken;
  const jwt = till
    ? new SignJWT({
        token_use: 'access',
        client_id: LOCAL_TILL_CLIENT,
        scope: Object.values(TILL_SCOPES).join(' '),
      }).setSubject(LOCAL_TILL_CLIENT)
    : new SignJWT({
        'cognito:groups': [request.role],
        'cognito:username': subject,
        token_use: 'id',
        ...(request.customerNumber ? { 'custom:customerNumber': request.customerNumber } : {}),
        ...(request.email ? { email: request.email, email_verified: true } : {}),
      })
        .setAudience(LOCAL_AUDIENCE)
        .setSubject(subject);
  return jwt
    .setProtectedHeader({ alg: ALGORITHM, kid: KEY_ID })
    .setIssuer(keys.issuer)
    .setIssuedAt()
    .setExpirationTime(`${request.ttlSeconds ?? 3600}s`)
    .sign(keys.privateKey);
}

/** Verified claims, or undefined for a token API Gateway would refuse with 401. */
export async function verifyToken(keys: LocalKeys, token: string): Promise<JWTPayload | undefined> {
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, {
      issuer: keys.issuer,
      algorithms: [ALGORITHM],
      // Cognito's tokens always carry both, issued in the past, valid a day at the most.
      requiredClaims: ['exp', 'iat'],
      maxTokenAge: MAX_TOKEN_AGE,
    });
    // As the HTTP API's JWT authorizer: an ID token's aud, or an access token's client_id, is one of ours.
    const audience = [payload.aud ?? []].flat();
    return audience.includes(LOCAL_AUDIENCE) || payload.client_id === LOCAL_TILL_CLIENT ? payload : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Claims as the HTTP API JWT authorizer hands them to Lambda: every value a string, a list as
 * "[a b]", null claims left out, nested objects as JSON text.
 */
export function flattenClaims(payload: JWTPayload): Record<string, ClaimValue> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) claims[name] = `[${value.join(' ')}]`;
    else if (typeof value === 'object') claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}

export function parseTokenArgs(argv: string[]): TokenRequest {
  const [role, ...rest] = argv;
  if (!role || !isRole(role))
    throw new Error(`usage: npm run token -- <${ROLES.join('|')}> [--customer <customerNumber>]`);
  const at = rest.indexOf('--customer');
  const customerNumber = at >= 0 ? rest[at + 1] : undefined;
  if (role === 'member' && !customerNumber)
    throw new Error('a member token needs --customer <customerNumber>');
  return { role, ...(customerNumber ? { customerNumber } : {}) };
}
