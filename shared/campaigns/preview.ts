import type { Caller } from '../auth/caller.ts';
import type { MemberReader } from '../members/member-store.ts';
import type { PurchaseStore } from '../purchases/purchase-store.ts';
import { helsinkiDate } from '../time/helsinki.ts';
import { AUDIENCE_PAGE, classifyPage, noCounts, withWithdrawn } from './audience-rules.ts';
import type { CampaignStore } from './campaign-store.ts';
import { getCampaign } from './campaigns.ts';
import { marketingFooting, type MarketingSettingsStore } from './marketing-settings.ts';
import { audienceFigures, isTooSmall } from './campaign-view.ts';

/**
 * How many the campaign would reach now, and how many it would leave out per reason, as figures:
 * the same reading and the same exclusions as computing it. An audience of fewer than five says so
 * (it cannot be computed). Each preview is recorded with the campaign, who asked, the criteria and
 * what it answered, so that a run of previews narrowing in on someone stays in the trail.
 */
export async function previewAudience(
  caller: Caller,
  campaignId: string,
  deps: {
    campaigns: CampaignStore;
    members: MemberReader;
    purchases: PurchaseStore;
    settings: MarketingSettingsStore;
  },
  now = new Date(),
) {
  const draft = await getCampaign(campaignId, deps.campaigns);
  // On the footing it would be computed on now.
  const campaign = { ...draft, footing: (await marketingFooting(deps.settings))[draft.channel] };
  const counts = noCounts();
  const today = helsinkiDate(now);
  let totalsRead = 0;
  for await (const page of deps.campaigns.reachable(campaign.channel, campaign.footing, AUDIENCE_PAGE)) {
    const classified = await classifyPage(campaign, page, counts, today, deps);
    counts.reached += classified.reached.length;
    totalsRead += classified.totalsRead;
  }
  const figures = audienceFigures(await withWithdrawn(counts, campaign, deps.campaigns), campaign);
  const preview = { ...figures, tooSmall: isTooSmall(counts) };
  await deps.campaigns.recordPreview({
    campaignId,
    at: now.toISOString(),
    actor: caller.actor,
    role: caller.role,
    requestId: caller.requestId,
    criteria: campaign.criteria,
    reached: figures.reached,
    purchaseTotalsRead: totalsRead,
  });
  return preview;
}
