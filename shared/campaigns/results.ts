import { config } from '../config.ts';
import { inParallel } from '../concurrency.ts';
import { publishedCount, SMALLEST_GROUP } from '../disclosure.ts';
import { MAIN_GROUPS, type MainGroup } from '../purchases/main-groups.ts';
import type { PurchaseStore } from '../purchases/purchase-store.ts';
import { addMonths, helsinkiMonth } from '../time/helsinki.ts';
import { lastClosedMonth } from '../time/month-close.ts';
import type { CampaignStore } from './campaign-store.ts';
import { getCampaign } from './campaigns.ts';

const READS_IN_FLIGHT = 16;
/** The normal distribution's two-sided 95 % point. */
const Z95 = 1.96;
const GROUPS = Object.keys(MAIN_GROUPS.groups) as MainGroup[];

/** One main group's result: what a contacted member bought more (or less) than a held-out one, with its 95 % interval. */
export interface GroupDifference {
  mainGroup: MainGroup;
  contactedMeanCents: number;
  heldOutMeanCents: number;
  differenceCents: number;
  lowCents: number;
  highCents: number;
}

/**
 * Each group's mean and the difference of the means with Welch's 95 % interval (normal
 * approximation): the two groups' sizes and variances may differ. Cents, rounded at the end.
 */
export function differences(contacted: readonly number[][], heldOut: readonly number[][]): GroupDifference[] {
  const stats = (rows: readonly number[][], g: number) => {
    const values = rows.map((row) => row[g]!);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(values.length - 1, 1);
    return { mean, variance, n: values.length };
  };
  return GROUPS.map((mainGroup, g) => {
    const [c, h] = [stats(contacted, g), stats(heldOut, g)];
    const difference = c.mean - h.mean;
    const margin = Z95 * Math.sqrt(c.variance / c.n + h.variance / h.n);
    return {
      mainGroup,
      contactedMeanCents: Math.round(c.mean),
      heldOutMeanCents: Math.round(h.mean),
      differenceCents: Math.round(difference),
      lowCents: Math.round(difference - margin),
      highCents: Math.round(difference + margin),
    };
  });
}

/**
 * What the campaign did: the purchases per main group of the members it was meant to reach against
 * those it held out, over the months after it went out (from the next month, up to
 * `config.marketing.resultMonths`, as they close). Every member chosen counts on their side, whether
 * or not their message went (a ban since, an unsubscribe): the comparison of the two random groups
 * stays fair. Nothing is shown about a group of fewer than five.
 */
export async function campaignResults(
  campaignId: string,
  deps: { campaigns: CampaignStore; purchases: Pick<PurchaseStore, 'months'> },
  now = new Date(),
) {
  const campaign = await getCampaign(campaignId, deps.campaigns);
  const wentOut =
    campaign.delivery?.startedAt ?? (campaign.exportKey ? campaign.summary?.computedAt : undefined);
  if (!wentOut) return { status: 'not-sent' as const };
  if (!campaign.holdoutPercent) return { status: 'no-holdout' as const };
  const from = addMonths(helsinkiMonth(new Date(wentOut)), 1);
  const closed = lastClosedMonth(now);
  if (closed < from) return { status: 'waiting' as const, from };
  const last = addMonths(from, config.marketing.resultMonths - 1);
  const to = closed < last ? closed : last;
  const [contacted, heldOut] = await Promise.all(
    [deps.campaigns.contacts(campaignId, 100), deps.campaigns.heldOut(campaignId, 100)].map(async (pages) => {
      const members: string[] = [];
      for await (const page of pages) members.push(...page);
      return members;
    }),
  );
  const sizes = {
    from,
    to,
    contacted: publishedCount(contacted!.length),
    heldOut: publishedCount(heldOut!.length),
  };
  if (contacted!.length < SMALLEST_GROUP || heldOut!.length < SMALLEST_GROUP)
    return { status: 'too-small' as const, ...sizes };
  const totals = (members: string[]) =>
    inParallel(members, READS_IN_FLIGHT, async (n) => {
      const months = await deps.purchases.months(n, from, to);
      return GROUPS.map((group) => months.reduce((sum, month) => sum + (month.groups[group] ?? 0), 0));
    });
  return {
    status: 'measured' as const,
    ...sizes,
    groups: differences(await totals(contacted!), await totals(heldOut!)),
  };
}
