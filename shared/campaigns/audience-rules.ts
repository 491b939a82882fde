import { CHANNEL_PURPOSE, type Channel, type Footing } from '../consents/purposes.ts';
import { isLeaving, type Member } from '../members/member.ts';
import type { MemberReader } from '../members/member-store.ts';
import type { PurchaseStore } from '../purchases/purchase-store.ts';
import type { MainGroup } from '../purchases/main-groups.ts';
import { inParallel } from '../concurrency.ts';
import { ageOn } from '../time/helsinki.ts';
import { campaignFooting, type AudienceCounts, type Campaign, type CampaignStore } from './campaign-store.ts';
import type { CriteriaInput } from './schemas.ts';

const PURCHASE_READS_IN_FLIGHT = 16;
/** One BatchGetItem of profiles per page of the audience index. */
export const AUDIENCE_PAGE = 100;

const granted = (member: Member, purpose: keyof NonNullable<Member['consents']>) =>
  member.consents?.[purpose]?.granted === true;
const hasAddress = (m: Member) => Boolean(m.streetAddress && m.postalCode && m.postOffice);

/**
 * Why a member may not be reached through the channel, whatever the criteria; undefined if they may.
 * Checked when the audience is computed and again whenever it is read or exported, so a ban set in
 * between is honoured.
 */
export function exclusion(member: Member, channel: Channel, footing: Footing): ExclusionReason | undefined {
  if (granted(member, 'directMarketingBan')) return 'direct-marketing-ban';
  if (member.flags.deceased) return 'deceased';
  if (member.flags.restricted) return 'restricted';
  if (isLeaving(member)) return 'leaving';
  if (footing === 'consent' && !granted(member, CHANNEL_PURPOSE[channel])) return 'no-consent';
  if (footing === 'own-customer') {
    const answer = member.consents?.[CHANNEL_PURPOSE[channel]];
    // An own customer is reached unless they said no: refused when asked, withdrew, unsubscribed, replied STOP.
    if (answer?.granted === false) return 'refused';
    // Moved in from the 2009 register: nothing shows the refusal was offered when the details were collected.
    if (!answer && member.legacyNumber) return 'no-consent';
  }
  if (channel === 'post') {
    if (member.flags.protectedAddress) return 'protected-address';
    // Post addresses leave the register for the mailing house: that is the disclosure the ban forbids.
    if (granted(member, 'addressDisclosureBan')) return 'address-disclosure-ban';
    if (!hasAddress(member)) return 'no-address';
  }
  if (channel === 'email' && !member.email) return 'no-email';
  if (channel === 'email' && member.flags.emailUndeliverable) return 'undeliverable';
  if (channel === 'sms' && !member.mobile) return 'no-mobile';
  return undefined;
}

const ALWAYS = ['direct-marketing-ban', 'deceased', 'restricted', 'leaving'] as const;
const ON_CONSENT = ['no-consent', 'consent-withdrawn', 'refused'] as const;
const BY_CHANNEL = {
  email: [...ON_CONSENT, 'no-email', 'undeliverable'],
  sms: [...ON_CONSENT, 'no-mobile'],
  post: ['protected-address', 'address-disclosure-ban', 'no-address'],
} as const;
export type ExclusionReason =
  (typeof ALWAYS)[number] | (typeof BY_CHANNEL)[Channel][number] | 'no-profiling-consent';

/**
 * Every reason a campaign of this channel and criteria can leave a member out: its figures list each,
 * so that a reason's presence tells nothing (only its figure does, rounded).
 */
export const exclusionReasons = (channel: Channel, criteria: CriteriaInput): ExclusionReason[] => [
  ...ALWAYS,
  ...BY_CHANNEL[channel],
  ...(criteria.purchases ? (['no-profiling-consent'] as const) : []),
];

/** Every reason any campaign can give. */
export const ALL_EXCLUSION_REASONS: readonly ExclusionReason[] = [
  ...new Set<ExclusionReason>([...ALWAYS, ...Object.values(BY_CHANNEL).flat(), 'no-profiling-consent']),
];

function matchesProfile(member: Member, criteria: CriteriaInput, today: string): boolean {
  if (criteria.language && member.language !== criteria.language) return false;
  const age = ageOn(member.birthDate, today);
  if (criteria.ageMin !== undefined && age < criteria.ageMin) return false;
  if (criteria.ageMax !== undefined && age > criteria.ageMax) return false;
  if (criteria.postalCodePrefix && !member.postalCode?.startsWith(criteria.postalCodePrefix)) return false;
  return true;
}

export const noCounts = (): AudienceCounts => ({ considered: 0, reached: 0, notMatching: 0, excluded: {} });

/** Counts members left out for a reason (or not matching the criteria). */
export function exclude(counts: AudienceCounts, reason: string, by = 1) {
  if (by === 0) return;
  if (reason === 'not-matching') counts.notMatching += by;
  else counts.excluded[reason] = (counts.excluded[reason] ?? 0) + by;
}

/** Whose purchase totals a page read (members who allowed profiling and matched the other criteria). */
export interface ClassifiedPage {
  reached: string[];
  totalsRead: number;
}

/**
 * One page of the audience index: the members' profiles read in one batch, the exclusions applied,
 * then the criteria (purchase totals read only for members who allowed profiling). Answers whom the
 * page would reach, and counts the others.
 */
export async function classifyPage(
  campaign: Campaign,
  page: readonly string[],
  counts: AudienceCounts,
  today: string,
  deps: { members: MemberReader; purchases: PurchaseStore },
): Promise<ClassifiedPage> {
  const members = [...(await deps.members.getMany(page)).values()];
  let totalsRead = 0;
  // A purchase criterion reads each member's months: those reads run side by side, not one by one.
  const reasons = await inParallel(members, PURCHASE_READS_IN_FLIGHT, async (member) => {
    const reason =
      exclusion(member, campaign.channel, campaignFooting(campaign)) ??
      profileReason(member, campaign.criteria, today);
    if (reason || !campaign.criteria.purchases) return reason;
    totalsRead += 1;
    return purchaseReason(member, campaign.criteria.purchases, deps.purchases);
  });
  const reached: string[] = [];
  for (const [i, member] of members.entries()) {
    counts.considered += 1;
    const reason = reasons[i];
    if (reason) exclude(counts, reason);
    else reached.push(member.customerNumber);
  }
  return { reached, totalsRead };
}

function profileReason(member: Member, criteria: CriteriaInput, today: string) {
  if (!matchesProfile(member, criteria, today)) return 'not-matching';
  if (criteria.purchases && !granted(member, 'profiling')) return 'no-profiling-consent';
  return undefined;
}

async function purchaseReason(
  member: Member,
  { mainGroup, from, to, minCents }: NonNullable<CriteriaInput['purchases']>,
  purchases: PurchaseStore,
) {
  const months = await purchases.months(member.customerNumber, from, to);
  const total = months.reduce((sum, m) => sum + (m.groups[mainGroup as MainGroup] ?? 0), 0);
  return total >= minCents ? undefined : 'not-matching';
}

/**
 * Members who withdrew the consent a channel needs are counted from their own index partition; those
 * who never answered are not. A channel that needs no consent reads every member, so has none to add.
 */
export async function withWithdrawn(counts: AudienceCounts, campaign: Campaign, campaigns: CampaignStore) {
  if (campaignFooting(campaign) !== 'consent') return counts;
  const withdrawn = await campaigns.withdrawnCount(campaign.purpose);
  if (withdrawn > 0) counts.excluded['consent-withdrawn'] = withdrawn;
  return counts;
}
