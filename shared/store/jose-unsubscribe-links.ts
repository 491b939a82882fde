import { createHash } from 'node:crypto';
import { EncryptJWT, errors, jwtDecrypt } from 'jose';
import type { UnsubscribeClaims, UnsubscribeLinks } from '../campaigns/unsubscribe.ts';

const AUDIENCE = 'moymore-unsubscribe';

let key: Promise<Uint8Array> | undefined;
/**
 * The links' key, read once per process: locally UNSUBSCRIBE_KEY, in AWS the generated secret the
 * stack names (UNSUBSCRIBE_SECRET_ARN). Hashed to the 256 bits A256GCM takes.
 */
function linkKey(): Promise<Uint8Array> {
  key ??= (async () => {
    const secret = process.env.UNSUBSCRIBE_KEY ?? (await secretFromExtension(requiredArn()));
    if (!secret) throw new Error('the unsubscribe key is empty');
    return createHash('sha256').update(secret).digest();
  })();
  // A failed read is not kept: the next link asks again.
  key.catch(() => (key = undefined));
  return key;
}

/**
 * A secret through the AWS Parameters and Secrets Lambda Extension the stack adds to the function
 * (it caches it): no Secrets Manager client in the bundle, which would cost every cold start.
 */
async function secretFromExtension(secretId: string): Promise<string | undefined> {
  const port = process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? '2773';
  const answer = await fetch(
    `http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`,
    { headers: { 'X-Aws-Parameters-Secrets-Token': process.env.AWS_SESSION_TOKEN ?? '' } },
  );
  if (!answer.ok) throw new Error(`the secrets extension answered ${answer.status}`);
  return ((await answer.json()) as { SecretString?: string }).SecretString;
}

function requiredArn(): string {
  const arn = process.env.UNSUBSCRIBE_SECRET_ARN;
  if (!arn) throw new Error('UNSUBSCRIBE_SECRET_ARN is not set');
  return arn;
}

/**
 * Unsubscribe links as encrypted JWTs (jose, A256GCM): sealed, so that nobody can make or alter one,
 * and opaque, so that the customer number in it shows in no URL, log or mail header.
 */
export class JoseUnsubscribeLinks implements UnsubscribeLinks {
  async sign(claims: UnsubscribeClaims, expiresAt: Date): Promise<string> {
    return new EncryptJWT({ cid: claims.campaignId, ch: claims.channel })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setSubject(claims.customerNumber)
      .setIssuedAt(Math.floor(claims.issuedAt.getTime() / 1000))
      .setAudience(AUDIENCE)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .encrypt(await linkKey());
  }

  async verify(token: string, now: Date): Promise<UnsubscribeClaims | 'invalid' | 'expired'> {
    try {
      const { payload } = await jwtDecrypt(token, await linkKey(), {
        audience: AUDIENCE,
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
        currentDate: now,
      });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.cid !== 'string' ||
        payload.ch !== 'email' ||
        typeof payload.iat !== 'number'
      )
        return 'invalid';
      return {
        customerNumber: payload.sub,
        campaignId: payload.cid,
        channel: payload.ch,
        issuedAt: new Date(payload.iat * 1000),
      };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return 'expired';
      // jose's own refusals (altered, not ours, malformed) are a link that is not one; the key's read failing is not.
      if (error instanceof errors.JOSEError) return 'invalid';
      throw error;
    }
  }
}
