import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import {
  LOCAL_AUDIENCE,
  loadOrCreateKeys,
  localIssuer,
  signToken,
  verifyToken,
} from '../../infra/local/local-jwt.ts';

const keys = await loadOrCreateKeys(
  join(mkdtempSync(join(tmpdir(), 'moymore-jwt-')), 'key.json'),
  localIssuer('http://localhost:3000'),
);
const now = () => Math.floor(Date.now() / 1000);
/** A token signed with the local key, its time claims as the test says. */
const tokenWith = (times: (jwt: SignJWT) => SignJWT) =>
  times(
    new SignJWT({ 'cognito:groups': ['admin'], token_use: 'id' })
      .setProtectedHeader({ alg: 'ES256', kid: 'local' })
      .setIssuer(keys.issuer)
      .setAudience(LOCAL_AUDIENCE)
      .setSubject('someone'),
  ).sign(keys.privateKey);

describe('the local token check is no looser than Cognito and the authorizer', () => {
  it('accepts the tokens the local issuer mints', async () => {
    expect(await verifyToken(keys, await signToken(keys, { role: 'admin' }))).toBeDefined();
  });

  it('refuses a token of another issuer, such as the register on another port', async () => {
    const elsewhere = { ...keys, issuer: localIssuer('http://localhost:3001') };
    expect(await verifyToken(keys, await signToken(elsewhere, { role: 'admin' }))).toBeUndefined();
  });

  it('refuses a token without exp, without iat, or issued in the future', async () => {
    expect(await verifyToken(keys, await tokenWith((jwt) => jwt.setIssuedAt()))).toBeUndefined();
    expect(await verifyToken(keys, await tokenWith((jwt) => jwt.setExpirationTime('1h')))).toBeUndefined();
    const future = await tokenWith((jwt) => jwt.setIssuedAt(now() + 3600).setExpirationTime(now() + 7200));
    expect(await verifyToken(keys, future)).toBeUndefined();
  });
});
