import { publishedCount, SMALLEST_GROUP, type Figure } from '../disclosure.ts';
import { exclusionReasons } from './audience-rules.ts';
import type { AudienceCounts, Campaign, Delivery } from './campaign-store.ts';

export interface AudienceFigures {
  considered: Figure;
  reached: Figure;
  heldOut?: Figure;
  notMatching: Figure;
  /** Every reason the campaign can leave a member out, each a figure. */
  excluded: Record<string, Figure>;
}

/** An audience's counts as they may be shown, by the register's rule for every figure. */
export function audienceFigures(
  counts: AudienceCounts,
  campaign: Pick<Campaign, 'channel' | 'criteria'>,
): AudienceFigures {
  return {
    considered: publishedCount(counts.considered),
    reached: publishedCount(counts.reached),
    ...(counts.heldOut === undefined ? {} : { heldOut: publishedCount(counts.heldOut) }),
    notMatching: publishedCount(counts.notMatching),
    excluded: Object.fromEntries(
      exclusionReasons(campaign.channel, campaign.criteria).map((reason) => [
        reason,
        publishedCount(counts.excluded[reason] ?? 0),
      ]),
    ),
  };
}

/** Fewer than five reached: nobody can be contacted, and the figure says only that. */
export const isTooSmall = (counts: Pick<AudienceCounts, 'reached'>) => counts.reached < SMALLEST_GROUP;

/**
 * A campaign as marketing and the admin see it: its counts as figures, and nothing of where the work
 * stands but how far (the customer number a page ended at stays in the register).
 */
export function campaignView(campaign: Campaign) {
  const { summary, progress, delivery, ...rest } = campaign;
  return {
    ...rest,
    ...(delivery ? { delivery: deliveryFigures(delivery, campaign) } : {}),
    ...(summary
      ? { summary: { computedAt: summary.computedAt, ...audienceFigures(summary, campaign) } }
      : {}),
    ...(progress
      ? {
          progress: {
            startedAt: progress.startedAt,
            savedAt: progress.savedAt,
            total: publishedCount(progress.total),
            ...audienceFigures(progress, campaign),
          },
        }
      : {}),
  };
}
export type CampaignView = ReturnType<typeof campaignView>;

/**
 * How far sending has come, as figures; who asked and where the work stands stay in the register.
 * Every reason sending can skip a member is listed, so that a reason's presence tells nothing.
 */
function deliveryFigures(delivery: Delivery, campaign: Pick<Campaign, 'channel'>) {
  const reasons = [...exclusionReasons(campaign.channel, {}), 'rejected'];
  return {
    startedAt: delivery.startedAt,
    savedAt: delivery.savedAt,
    ...(delivery.finishedAt ? { finishedAt: delivery.finishedAt } : {}),
    total: publishedCount(delivery.total),
    sent: publishedCount(delivery.sent),
    claimedBefore: publishedCount(delivery.claimedBefore),
    skipped: Object.fromEntries(
      reasons.map((reason) => [reason, publishedCount(delivery.skipped[reason] ?? 0)]),
    ),
  };
}
