import type { Caller } from '../auth/caller.ts';
import { config } from '../config.ts';
import { changeConsent } from '../consents/consents.ts';
import { CHANNEL_PURPOSE, PURPOSES } from '../consents/purposes.ts';
import type { MemberStore } from '../members/member-store.ts';
import { Refusal } from '../refusal.ts';

/** Whose consent a link withdraws, and which message carried it. */
export interface UnsubscribeClaims {
  customerNumber: string;
  campaignId: string;
  channel: 'email';
  /** When the message went: a consent granted after it is not this link's to withdraw. */
  issuedAt: Date;
}

/** Signs and checks unsubscribe links: a link names one member and one channel, and cannot be made without the key. */
export interface UnsubscribeLinks {
  sign(claims: UnsubscribeClaims, expiresAt: Date): Promise<string>;
  verify(token: string, now: Date): Promise<UnsubscribeClaims | 'invalid' | 'expired'>;
}

export const linkExpiry = (sentAt: Date) =>
  new Date(sentAt.getTime() + config.marketing.unsubscribeLinkDays * 24 * 3600 * 1000);

const invalidLink = () =>
  new Refusal('unsubscribe-link-invalid', 'This unsubscribe link is not one the register made');

const expiredLink = () =>
  new Refusal(
    'unsubscribe-link-expired',
    'This unsubscribe link has expired',
    'Withdraw the consent in your membership pages, or ask customer service.',
  );

async function claimsOf(token: string, links: UnsubscribeLinks, now: Date) {
  const claims = await links.verify(token, now);
  if (claims === 'invalid') throw invalidLink();
  if (claims === 'expired') throw expiredLink();
  return claims;
}

/** What the link would do, shown before anything changes (a GET, which mail scanners follow too). */
export async function checkUnsubscribeLink(token: string, links: UnsubscribeLinks, now = new Date()) {
  return { channel: (await claimsOf(token, links, now)).channel };
}

/**
 * The link's one-click POST (RFC 8058): withdraws exactly the member's consent for the channel, with
 * its history and an audit entry, without signing in. Used again it changes nothing; a member erased
 * meanwhile has nothing left to withdraw, and the answer is the same, telling nobody whether they were.
 */
export async function unsubscribe(
  token: string,
  deps: { links: UnsubscribeLinks; members: MemberStore },
  request: { via: string; requestId: string },
  now = new Date(),
) {
  const claims = await claimsOf(token, deps.links, now);
  const purpose = CHANNEL_PURPOSE[claims.channel];
  // Granted again since the message went (in a later second: the link's time is in seconds): an old
  // message's link does not undo the member's newer answer.
  const consent = (await deps.members.get(claims.customerNumber))?.consents?.[purpose];
  const grantedSecond = consent ? Math.floor(Date.parse(consent.at) / 1000) * 1000 : 0;
  if (consent?.granted && grantedSecond > claims.issuedAt.getTime())
    return { channel: claims.channel, unsubscribed: true };
  // The member acts through the link their message carried (self-service): the audit trail says which campaign's.
  const caller: Caller = {
    actor: `unsubscribe-link:${claims.campaignId}`,
    role: 'member',
    customerNumber: claims.customerNumber,
    ...request,
  };
  try {
    await changeConsent(
      caller,
      claims.customerNumber,
      purpose,
      { granted: false, source: 'unsubscribe-link', noticeVersion: PURPOSES.version },
      deps.members,
      now,
    );
  } catch (error) {
    if (!(error instanceof Refusal && error.kind === 'not-found')) throw error;
  }
  return { channel: claims.channel, unsubscribed: true };
}
