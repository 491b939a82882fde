import { createHash } from 'node:crypto';
import type { Campaign } from './campaign-store.ts';

/**
 * Whether a member the campaign reached is kept out of it (its holdout), by the campaign's share. A
 * hash of the campaign and the member, not a draw: as random across members as a draw, and the same
 * answer when a page of the audience is computed again, so that a retry never moves anyone across.
 */
export function isHeldOut(campaign: Pick<Campaign, 'campaignId' | 'holdoutPercent'>, customerNumber: string) {
  const percent = campaign.holdoutPercent ?? 0;
  if (percent <= 0) return false;
  const digest = createHash('sha256').update(`${campaign.campaignId}:${customerNumber}`).digest();
  return (digest.readUInt32BE(0) / 2 ** 32) * 100 < percent;
}
