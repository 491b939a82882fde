import type { Caller } from '../auth/caller.ts';
import type { MemberReader } from '../members/member-store.ts';
import type { PurchaseStore } from '../purchases/purchase-store.ts';
import type { ExchangeFiles } from '../exchange/exchange-files.ts';
import { requestedBy, type JobRequests } from '../jobs/job-requests.ts';
import { helsinkiDate } from '../time/helsinki.ts';
import { AUDIENCE_PAGE, classifyPage, exclude, noCounts, withWithdrawn } from './audience-rules.ts';
import {
  campaignFooting,
  type AudienceProgress,
  type AudienceSummary,
  type Campaign,
  type CampaignStore,
} from './campaign-store.ts';
import { marketingFooting, type MarketingSettingsStore } from './marketing-settings.ts';
import { campaignIs, getCampaign, saveChange, saveIfUnchanged, startCampaignJob } from './campaigns.ts';
import { campaignView, isTooSmall } from './campaign-view.ts';
import { exportPostAudience } from './read-audience.ts';
import { isHeldOut } from './holdout.ts';

export interface CampaignDeps {
  campaigns: CampaignStore;
  members: MemberReader;
  purchases: PurchaseStore;
  files: ExchangeFiles;
}

/** The audience job's name in the contract (shared/contract/jobs.ts), which its function runs under. */
export const AUDIENCE_JOB = 'campaign-audience';
const audienceRun = (campaignId: string, caller: Caller) => ({
  job: AUDIENCE_JOB,
  input: { campaignId },
  requestedBy: requestedBy(caller),
});

/** Longer than a request may wait (5 h on the stream, then an hour of Lambda's retries): no run will save this progress again. */
const STALLED_MS = 7 * 3600 * 1000;
const isStalled = (progress: AudienceProgress, now: Date) =>
  now.getTime() - Date.parse(progress.savedAt) > STALLED_MS;

/**
 * Starts computing the audience outside the request (it may take minutes): the campaign shows its
 * progress from now on, and the work resumes from its last page if it is retried. The campaign is
 * saved on the version read, so an edit saved meanwhile is never computed over with old criteria.
 */
export async function startAudience(
  campaignId: string,
  caller: Caller,
  deps: { campaigns: CampaignStore; jobs: Pick<JobRequests, 'request'>; settings: MarketingSettingsStore },
  now = new Date(),
) {
  const campaign = await getCampaign(campaignId, deps.campaigns);
  // Its runs ended (Lambda gives up retrying within STALLED_MS): started again, it goes on from its last page.
  if (campaign.status === 'computing' && campaign.progress && isStalled(campaign.progress, now)) {
    const restarted = await saveChange(deps.campaigns, campaign, {
      ...campaign,
      progress: { ...campaign.progress, savedAt: now.toISOString() },
    });
    await deps.jobs.request(audienceRun(campaignId, caller));
    return campaignView(restarted);
  }
  // Computed once: a new audience is a new campaign, so the contacts of this one stay what it reached.
  campaignIs(campaign, 'draft');
  // Computed on the footing the admin's settings give the channel now, which the campaign keeps.
  const footing = (await marketingFooting(deps.settings))[campaign.channel];
  const computing: Campaign = {
    ...campaign,
    footing,
    status: 'computing',
    progress: {
      ...noCounts(),
      startedAt: now.toISOString(),
      savedAt: now.toISOString(),
      total: await deps.campaigns.reachableCount(campaign.channel, footing),
      pages: 0,
    },
  };
  return startCampaignJob(deps.campaigns, campaign, computing, () =>
    deps.jobs.request(audienceRun(campaignId, caller)),
  );
}

/**
 * The work itself: page by page from where the progress says, each page's contacts recorded (one
 * item per member and campaign, so a page done twice records nothing twice) and then the progress
 * saved on the version read, so that when another run of the same work got ahead, this one stops.
 * At the end the summary is saved and a post campaign exported; an audience of fewer than five
 * reaches nobody: its contacts go, and the campaign says it was too small.
 */
export async function computeAudience(campaignId: string, deps: CampaignDeps, now = () => new Date()) {
  let campaign = await getCampaign(campaignId, deps.campaigns);
  if (campaign.status !== 'computing' || !campaign.progress) return undefined;
  let progress = campaign.progress;
  const today = helsinkiDate(new Date(progress.startedAt));
  const reachable = deps.campaigns.reachable(
    campaign.channel,
    campaignFooting(campaign),
    AUDIENCE_PAGE,
    progress.after,
  );
  for await (const page of reachable) {
    const counts = structuredClone(progress);
    const { reached } = await classifyPage(campaign, page, counts, today, deps);
    const held = reached.filter((n) => isHeldOut(campaign, n));
    const contacted = reached.filter((n) => !isHeldOut(campaign, n));
    // Reached is what was recorded: a member whose erasure began since the page was read is leaving.
    const recorded = await deps.campaigns.recordContacts(campaign, contacted, progress.startedAt);
    const recordedHeld = await deps.campaigns.recordContacts(campaign, held, progress.startedAt, {
      heldOut: true,
    });
    counts.reached += recorded.size;
    if (campaign.holdoutPercent) counts.heldOut = (counts.heldOut ?? 0) + recordedHeld.size;
    exclude(counts, 'leaving', reached.length - recorded.size - recordedHeld.size);
    progress = { ...counts, pages: progress.pages + 1, after: page.at(-1)!, savedAt: now().toISOString() };
    const saved = await saveIfUnchanged(deps.campaigns, campaign, { ...campaign, progress });
    if (!saved) return undefined;
    campaign = saved;
  }
  const { startedAt, savedAt: _saved, total: _total, pages: _pages, after: _after, ...counts } = progress;
  const summary: AudienceSummary = {
    computedAt: startedAt,
    ...(await withWithdrawn(counts, campaign, deps.campaigns)),
  };
  const { progress: _done, ...rest } = campaign;
  if (isTooSmall(summary)) await deps.campaigns.dropContacts(campaignId);
  const computed: Campaign = { ...rest, status: isTooSmall(summary) ? 'too-small' : 'computed', summary };
  if (computed.status === 'computed' && campaign.channel === 'post')
    computed.exportKey = await exportPostAudience(computed, deps);
  return (await saveIfUnchanged(deps.campaigns, campaign, computed)) && summary;
}
