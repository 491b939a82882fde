import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { registerCsv } from '../exchange/csv.ts';
import type { Caller } from '../auth/caller.ts';
import { notFound } from '../refusal.ts';
import { CHANNEL_FIELDS, CHANNEL_PURPOSE, type Channel } from '../consents/purposes.ts';
import { isLeaving, type Member } from '../members/member.ts';
import type { MemberStore } from '../members/member-store.ts';
import type { PurchaseStore } from '../purchases/purchase-store.ts';
import type { AudienceSummary, Campaign, CampaignStore } from './campaign-store.ts';
import type { ExchangeFiles } from '../exchange/exchange-files.ts';
import type { MainGroup } from '../purchases/main-groups.ts';
import { ageOn, helsinkiDate } from '../time/helsinki.ts';
import type { CreateCampaignInput, CriteriaInput } from './schemas.ts';
import { marketingExportKey } from '../exchange/layout.ts';

const PAGE = 100; // one BatchGetItem of profiles per page of the audience index

export interface CampaignDeps {
  campaigns: CampaignStore;
  members: MemberStore;
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
    createdAt: new Date().toISOString(),
    createdBy: caller.actor,
  };
  await campaigns.create(campaign);
  return campaign;
}

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

/**
 * Computes the audience: only members in the index of the channel's consent are read (their index
 * entry and their profile), the exclusions are applied, then the criteria; purchase totals are read
 * only for members who allowed profiling. Each member reached gets a contact item. Members who
 * withdrew the consent are counted from their own index partition; those who never answered are not.
 */
export async function computeAudience(campaignId: string, deps: CampaignDeps): Promise<AudienceSummary> {
  const campaign = await deps.campaigns.get(campaignId);
  if (!campaign) throw notFound('campaign');
  const at = new Date().toISOString();
  const today = helsinkiDate(new Date(at));
  const summary: AudienceSummary = {
    computedAt: at,
    considered: 0,
    reached: 0,
    notMatching: 0,
    excluded: {},
  };
  for await (const page of deps.campaigns.consented(campaign.purpose, PAGE)) {
    const members = await deps.members.getMany(page);
    const reached: string[] = [];
    for (const member of members.values()) {
      summary.considered += 1;
      const reason =
        exclusion(member, campaign.channel) ?? (await criteriaReason(member, campaign.criteria, today, deps));
      if (reason === 'not-matching') summary.notMatching += 1;
      else if (reason) summary.excluded[reason] = (summary.excluded[reason] ?? 0) + 1;
      else reached.push(member.customerNumber);
    }
    await deps.campaigns.recordContacts(campaign, reached, at);
    summary.reached += reached.length;
  }
  const withdrawn = await deps.campaigns.withdrawnCount(campaign.purpose);
  if (withdrawn > 0) summary.excluded['consent-withdrawn'] = withdrawn;
  await deps.campaigns.saveSummary(campaign.campaignId, summary);
  if (campaign.channel === 'post') await exportPostAudience(campaign, deps);
  return summary;
}

async function criteriaReason(member: Member, criteria: CriteriaInput, today: string, deps: CampaignDeps) {
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

export const audienceCsv = (campaign: Campaign, rows: AsyncIterable<AudienceRow>) =>
  Readable.from(rows).pipe(registerCsv({ header: true, columns: [...AUDIENCE_COLUMNS[campaign.channel]] }));

/** The mailing house's file: marketing/exports/<campaignId>.csv, with each address's source. */
export async function exportPostAudience(campaign: Campaign, deps: CampaignDeps): Promise<string> {
  const key = marketingExportKey(campaign.campaignId);
  await deps.bucket.upload(
    key,
    audienceCsv(campaign, audienceRows(campaign, deps)),
    'text/csv; charset=utf-8',
  );
  return key;
}

export async function getCampaign(campaignId: string, campaigns: CampaignStore): Promise<Campaign> {
  const campaign = await campaigns.get(campaignId);
  if (!campaign) throw notFound('campaign');
  return campaign;
}
