import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { CSV_CONTENT_TYPE, registerCsv } from '../exchange/csv.ts';
import type { Caller } from '../auth/caller.ts';
import { notFound, Refusal } from '../refusal.ts';
import { CHANNEL_FIELDS, CHANNEL_PURPOSE, type Channel } from '../consents/purposes.ts';
import { isLeaving, type Member } from '../members/member.ts';
import type { MemberReader } from '../members/member-store.ts';
import type { PurchaseStore } from '../purchases/purchase-store.ts';
import type {
  AudienceCounts,
  AudienceProgress,
  AudienceSummary,
  Campaign,
  CampaignStatus,
  CampaignStore,
} from './campaign-store.ts';
import { requestedBy, type JobRequests } from '../jobs/job-requests.ts';
import type { ExchangeFiles } from '../exchange/exchange-files.ts';
import type { MainGroup } from '../purchases/main-groups.ts';
import { ageOn, helsinkiDate } from '../time/helsinki.ts';
import type { CreateCampaignInput, CriteriaInput, EditCampaignInput } from './schemas.ts';
import { marketingExportKey } from '../exchange/layout.ts';
import { inParallel } from '../concurrency.ts';

const PAGE = 100; // one BatchGetItem of profiles per page of the audience index
const PURCHASE_READS_IN_FLIGHT = 16;

export interface CampaignDeps {
  campaigns: CampaignStore;
  members: MemberReader;
  purchases: PurchaseStore;
  bucket: ExchangeFiles;
}

export async function createCampaign(
  caller: Caller,
  input: CreateCampaignInput,
  campaigns: CampaignStore,
): Promise<Campaign> {
  const campaign: Campaign = {
    campaignId: `C-${randomBytes(6).toString('hex')}`,
    name: input.name,
    channel: input.channel,
    purpose: CHANNEL_PURPOSE[input.channel],
    criteria: input.criteria ?? {},
    status: 'draft',
    createdAt: new Date().toISOString(),
    createdBy: caller.actor,
  };
  await campaigns.create(campaign);
  return campaign;
}

/** The campaigns, newest first, a page at a time. */
export const listCampaigns = (campaigns: CampaignStore, cursor?: string) => campaigns.list(20, cursor);

const granted = (member: Member, purpose: keyof NonNullable<Member['consents']>) =>
  member.consents?.[purpose]?.granted === true;
const hasAddress = (m: Member) => Boolean(m.streetAddress && m.postalCode && m.postOffice);

/**
 * Why a member may not be reached through the channel, whatever the criteria; undefined if they may.
 * Checked when the audience is computed and again whenever it is read or exported, so a ban set in
 * between is honoured.
 */
export function exclusion(member: Member, channel: Channel): string | undefined {
  if (granted(member, 'directMarketingBan')) return 'direct-marketing-ban';
  if (member.flags.deceased) return 'deceased';
  if (member.flags.restricted) return 'restricted';
  if (isLeaving(member)) return 'leaving';
  if (!granted(member, CHANNEL_PURPOSE[channel])) return 'no-consent';
  if (channel === 'post') {
    if (member.flags.protectedAddress) return 'protected-address';
    // Post addresses leave the register for the mailing house: that is the disclosure the ban forbids.
    if (granted(member, 'addressDisclosureBan')) return 'address-disclosure-ban';
    if (!hasAddress(member)) return 'no-address';
  }
  if (channel === 'email' && !member.email) return 'no-email';
  if (channel === 'sms' && !member.mobile) return 'no-mobile';
  return undefined;
}

function matchesProfile(member: Member, criteria: CriteriaInput, today: string): boolean {
  if (criteria.language && member.language !== criteria.language) return false;
  const age = ageOn(member.birthDate, today);
  if (criteria.ageMin !== undefined && age < criteria.ageMin) return false;
  if (criteria.ageMax !== undefined && age > criteria.ageMax) return false;
  if (criteria.postalCodePrefix && !member.postalCode?.startsWith(criteria.postalCodePrefix)) return false;
  return true;
}

const NO_COUNTS = (): AudienceCounts => ({ considered: 0, reached: 0, notMatching: 0, excluded: {} });

/**
 * One page of the audience index: the members' profiles read in one batch, the exclusions applied,
 * then the criteria (purchase totals read only for members who allowed profiling). Answers whom the
 * page would reach, and counts the others.
 */
async function classifyPage(
  campaign: Campaign,
  page: readonly string[],
  counts: AudienceCounts,
  today: string,
  deps: Pick<CampaignDeps, 'members' | 'purchases'>,
): Promise<string[]> {
  const members = [...(await deps.members.getMany(page)).values()];
  // A purchase criterion reads each member's months: those reads run side by side, not one by one.
  const reasons = await inParallel(
    members,
    PURCHASE_READS_IN_FLIGHT,
    async (member) =>
      exclusion(member, campaign.channel) ?? (await criteriaReason(member, campaign.criteria, today, deps)),
  );
  const reached: string[] = [];
  for (const [i, member] of members.entries()) {
    counts.considered += 1;
    const reason = reasons[i];
    if (reason) exclude(counts, reason);
    else reached.push(member.customerNumber);
  }
  return reached;
}

const exclude = (counts: AudienceCounts, reason: string, by = 1) => {
  if (by === 0) return;
  if (reason === 'not-matching') counts.notMatching += by;
  else counts.excluded[reason] = (counts.excluded[reason] ?? 0) + by;
};

/** Members who withdrew the consent are counted from their own index partition; those who never answered are not. */
async function withWithdrawn(counts: AudienceCounts, campaign: Campaign, campaigns: CampaignStore) {
  const withdrawn = await campaigns.withdrawnCount(campaign.purpose);
  if (withdrawn > 0) counts.excluded['consent-withdrawn'] = withdrawn;
  return counts;
}

/**
 * How many the campaign would reach now, and how many it would leave out per reason, recording
 * nothing: the same reading and the same exclusions as computing it.
 */
export async function previewAudience(campaignId: string, deps: Omit<CampaignDeps, 'bucket'>) {
  const campaign = await getCampaign(campaignId, deps.campaigns);
  const counts = NO_COUNTS();
  const today = helsinkiDate(new Date());
  for await (const page of deps.campaigns.consented(campaign.purpose, PAGE)) {
    counts.reached += (await classifyPage(campaign, page, counts, today, deps)).length;
  }
  return withWithdrawn(counts, campaign, deps.campaigns);
}

const campaignIs = (campaign: Campaign, ...allowed: CampaignStatus[]) => {
  if (!allowed.includes(campaign.status))
    throw new Refusal(
      'campaign-state',
      `The campaign is ${campaign.status}`,
      allowed.length ? `This needs a campaign that is ${allowed.join(' or ')}.` : undefined,
    );
};

/** Name and criteria may change while the campaign is a draft (nobody has been reached yet). */
export async function editCampaign(campaignId: string, input: EditCampaignInput, campaigns: CampaignStore) {
  const campaign = await getCampaign(campaignId, campaigns);
  campaignIs(campaign, 'draft');
  const edited: Campaign = { ...campaign, ...input };
  if (!(await campaigns.save(edited, ['draft']))) throw campaignChanged();
  return edited;
}

export async function closeCampaign(campaignId: string, campaigns: CampaignStore) {
  const campaign = await getCampaign(campaignId, campaigns);
  if (campaign.status === 'closed') return campaign;
  campaignIs(campaign, 'draft', 'computed');
  const closed: Campaign = { ...campaign, status: 'closed' };
  if (!(await campaigns.save(closed, ['draft', 'computed']))) throw campaignChanged();
  return closed;
}

/** The audience job's name in the contract (shared/contract/jobs.ts), which its function runs under. */
export const AUDIENCE_JOB = 'campaign-audience';
const audienceRun = (campaignId: string, caller: Caller) => ({
  job: AUDIENCE_JOB,
  input: { campaignId },
  requestedBy: requestedBy(caller),
});

const campaignChanged = () =>
  new Refusal('campaign-state', 'The campaign changed meanwhile', 'Read it again and retry.');

/**
 * Starts computing the audience outside the request (it may take minutes): the campaign shows its
 * progress from now on, and the work resumes from its last page if it is retried.
 */
export async function startAudience(
  campaignId: string,
  caller: Caller,
  deps: { campaigns: CampaignStore; jobs: JobRequests },
  now = new Date(),
): Promise<Campaign> {
  const campaign = await getCampaign(campaignId, deps.campaigns);
  // Its runs ended (Lambda gives up retrying within STALLED_MS): started again, it goes on from its last page.
  if (campaign.status === 'computing' && campaign.progress && isStalled(campaign.progress, now)) {
    const restarted: Campaign = {
      ...campaign,
      progress: { ...campaign.progress, savedAt: now.toISOString() },
    };
    if (!(await deps.campaigns.save(restarted, ['computing'], campaign.progress.pages)))
      throw campaignChanged();
    await deps.jobs.request(audienceRun(campaignId, caller));
    return restarted;
  }
  // Computed once: a new audience is a new campaign, so the contacts of this one stay what it reached.
  campaignIs(campaign, 'draft');
  const computing: Campaign = {
    ...campaign,
    status: 'computing',
    progress: {
      ...NO_COUNTS(),
      startedAt: now.toISOString(),
      savedAt: now.toISOString(),
      total: await deps.campaigns.consentedCount(campaign.purpose),
      pages: 0,
    },
  };
  if (!(await deps.campaigns.save(computing, ['draft']))) throw campaignChanged();
  try {
    await deps.jobs.request(audienceRun(campaignId, caller));
  } catch (error) {
    // Not started: the campaign goes back to what it was, so that it can be started again.
    await deps.campaigns.save(campaign, ['computing'], 0);
    throw error;
  }
  return computing;
}

/** Longer than a request may wait (5 h on the stream, then an hour of Lambda's retries): no run will save this progress again. */
const STALLED_MS = 7 * 3600 * 1000;
const isStalled = (progress: AudienceProgress, now: Date) =>
  now.getTime() - Date.parse(progress.savedAt) > STALLED_MS;

/**
 * The work itself: page by page from where the progress says, each page's contacts recorded (one
 * item per member and campaign, so a page done twice records nothing twice) and then the progress
 * saved on the condition that nobody else saved it first. When another run of the same work got
 * ahead, this one stops. At the end the summary is saved and a post campaign exported.
 */
export async function computeAudience(
  campaignId: string,
  deps: CampaignDeps,
): Promise<AudienceSummary | undefined> {
  let campaign = await getCampaign(campaignId, deps.campaigns);
  if (campaign.status !== 'computing' || !campaign.progress) return undefined;
  let progress = campaign.progress;
  const today = helsinkiDate(new Date(progress.startedAt));
  for await (const page of deps.campaigns.consented(campaign.purpose, PAGE, progress.after)) {
    const counts: AudienceCounts = structuredClone(progress);
    const reached = await classifyPage(campaign, page, counts, today, deps);
    // Reached is what was recorded: a member whose erasure began since the page was read is leaving.
    const recorded = await deps.campaigns.recordContacts(campaign, reached, progress.startedAt);
    counts.reached += recorded.size;
    exclude(counts, 'leaving', reached.length - recorded.size);
    const next: AudienceProgress = {
      ...progress,
      ...counts,
      pages: progress.pages + 1,
      after: page.at(-1)!,
      savedAt: new Date().toISOString(),
    };
    if (!(await deps.campaigns.save({ ...campaign, progress: next }, ['computing'], progress.pages)))
      return undefined;
    progress = next;
    campaign = { ...campaign, progress };
  }
  const { startedAt, savedAt: _saved, total: _total, pages: _pages, after: _after, ...counts } = progress;
  const summary: AudienceSummary = {
    computedAt: startedAt,
    ...(await withWithdrawn(counts, campaign, deps.campaigns)),
  };
  const { progress: _done, ...rest } = campaign;
  const computed: Campaign = { ...rest, status: 'computed', summary };
  if (campaign.channel === 'post') computed.exportKey = await exportPostAudience(computed, deps);
  if (!(await deps.campaigns.save(computed, ['computing'], progress.pages))) return undefined;
  return summary;
}

async function criteriaReason(
  member: Member,
  criteria: CriteriaInput,
  today: string,
  deps: Pick<CampaignDeps, 'purchases'>,
) {
  if (!matchesProfile(member, criteria, today)) return 'not-matching';
  if (!criteria.purchases) return undefined;
  if (!granted(member, 'profiling')) return 'no-profiling-consent';
  const { mainGroup, from, to, minCents } = criteria.purchases;
  const months = await deps.purchases.months(member.customerNumber, from, to);
  const total = months.reduce((sum, m) => sum + (m.groups[mainGroup as MainGroup] ?? 0), 0);
  return total >= minCents ? undefined : 'not-matching';
}

export interface AudienceRow {
  customerNumber: string;
  surname: string;
  firstNames: string;
  email?: string;
  mobile?: string;
  streetAddress?: string;
  postalCode?: string;
  postOffice?: string;
  addressSource?: string;
}

/** Name and only the contact field the channel needs. */
function rowOf(member: Member, channel: Channel): AudienceRow {
  const name = {
    customerNumber: member.customerNumber,
    surname: member.surname,
    firstNames: member.firstNames,
  };
  if (channel === 'email') return { ...name, email: member.email! };
  if (channel === 'sms') return { ...name, mobile: member.mobile! };
  return {
    ...name,
    streetAddress: member.streetAddress!,
    postalCode: member.postalCode!,
    postOffice: member.postOffice!,
    addressSource: member.sources.streetAddress?.source ?? 'member',
  };
}

/** The members the campaign reached, as they may be contacted now. */
export async function* audienceRows(
  campaign: Campaign,
  deps: Pick<CampaignDeps, 'campaigns' | 'members'>,
): AsyncIterable<AudienceRow> {
  for await (const page of deps.campaigns.contacts(campaign.campaignId, PAGE)) {
    const members = await deps.members.getMany(page);
    for (const member of members.values()) {
      if (!exclusion(member, campaign.channel)) yield rowOf(member, campaign.channel);
    }
  }
}

export const AUDIENCE_COLUMNS = {
  email: ['customerNumber', ...CHANNEL_FIELDS.email],
  sms: ['customerNumber', ...CHANNEL_FIELDS.sms],
  post: ['customerNumber', ...CHANNEL_FIELDS.post, 'addressSource'],
} as const;

const audienceCsv = (campaign: Campaign, rows: AsyncIterable<AudienceRow>) =>
  Readable.from(rows).pipe(registerCsv({ header: true, columns: [...AUDIENCE_COLUMNS[campaign.channel]] }));

/** The audience marketing reads: each member reached, as they may be contacted now. */
export async function readAudience(campaignId: string, deps: Pick<CampaignDeps, 'campaigns' | 'members'>) {
  const campaign = await getCampaign(campaignId, deps.campaigns);
  const audience: AudienceRow[] = [];
  for await (const row of audienceRows(campaign, deps)) audience.push(row);
  return { campaignId, channel: campaign.channel, summary: campaign.summary, audience };
}

/** The same audience as the CSV marketing downloads. */
export async function readAudienceCsv(
  campaignId: string,
  deps: Pick<CampaignDeps, 'campaigns' | 'members'>,
): Promise<string> {
  const campaign = await getCampaign(campaignId, deps.campaigns);
  return text(audienceCsv(campaign, audienceRows(campaign, deps)));
}

/** The mailing house's file: marketing/exports/<campaignId>.csv, with each address's source. */
export async function exportPostAudience(campaign: Campaign, deps: CampaignDeps): Promise<string> {
  const key = marketingExportKey(campaign.campaignId);
  await deps.bucket.upload(key, audienceCsv(campaign, audienceRows(campaign, deps)), CSV_CONTENT_TYPE);
  return key;
}

export async function getCampaign(campaignId: string, campaigns: CampaignStore): Promise<Campaign> {
  const campaign = await campaigns.get(campaignId);
  if (!campaign) throw notFound('campaign');
  return campaign;
}
