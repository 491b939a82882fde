import { CHANNEL_BASIS, type Channel, type Footing, type Purpose } from '../consents/purposes.ts';
import type { ContentInput, CriteriaInput } from './schemas.ts';
import type { Figure } from '../disclosure.ts';
import type { CampaignStatus } from './campaign-status.ts';

/** The footing a campaign's members are reached on. */
export const campaignFooting = (campaign: Pick<Campaign, 'channel' | 'footing'>): Footing =>
  campaign.footing ?? CHANNEL_BASIS[campaign.channel];

export interface Campaign {
  campaignId: string;
  name: string;
  channel: Channel;
  purpose: Purpose;
  criteria: CriteriaInput;
  /** What an email or text message says (a post campaign's letter is the mailing house's). */
  content?: ContentInput;
  /**
   * The footing its audience was computed on (the admin's settings then); none before it was
   * computed, or for campaigns made before the settings: the channel's default.
   */
  footing?: Footing;
  /** Of the members reached, the share kept out (none for campaigns made before holdouts). */
  holdoutPercent?: number;
  status: CampaignStatus;
  createdAt: string;
  createdBy: string;
  /** The last audience computed. */
  summary?: AudienceSummary;
  /** A post campaign's file for the mailing house, once exported. */
  exportKey?: string;
  /** While computing: how far the work has come, kept after each page so a retried run goes on from there. */
  progress?: AudienceProgress;
  /** From when sending began: how far it has come, and at the end what it did. */
  delivery?: Delivery;
  /** Every save adds one: a save on the version read is refused when another came first. */
  version: number;
}

export interface AudienceCounts {
  considered: number;
  reached: number;
  /** Reached, and kept out of the campaign to measure what it did. */
  heldOut?: number;
  notMatching: number;
  excluded: Record<string, number>;
}

export interface AudienceSummary extends AudienceCounts {
  computedAt: string;
}

export interface AudienceProgress extends AudienceCounts {
  startedAt: string;
  /** When a run last saved it: a computation no run has saved for hours has stopped. */
  savedAt: string;
  /** Members with the consent when the work began: what `considered` grows toward. */
  total: number;
  /** Pages done, and the last customer number of the last one: where a retried run goes on. */
  pages: number;
  after?: string;
}

export interface Delivery {
  startedAt: string;
  /** Who asked: a run that must go on in a fresh invocation asks again in their name. */
  requestedBy: { actor: string; role: string; requestId: string };
  /** When a run last saved it: a sending no run has saved for hours has stopped. */
  savedAt: string;
  /** Members the audience reached: what the counts below grow toward. */
  total: number;
  sent: number;
  /** Reached when computed, and not sent now: why (a ban or a withdrawal since, an erasure). */
  skipped: Record<string, number>;
  /**
   * Found claimed by an earlier run that stopped before it saved its page: mostly sent then (a page's
   * messages sent before a failure), at most a few lost with a run killed between claim and send;
   * never sent again, since a message twice is the worse fault.
   */
  claimedBefore: number;
  pages: number;
  after?: string;
  finishedAt?: string;
}

export interface CampaignPage {
  campaigns: Campaign[];
  next?: string;
}

/** A campaign that reached a member: marketing read their names and the channel's contact field for it. */
export interface CampaignContact {
  campaignId: string;
  channel: Channel;
  at: string;
  /** Kept out of the campaign to measure what it did: marketing never read the member for it. */
  heldOut?: boolean;
}

export interface CampaignStore {
  create(campaign: Campaign): Promise<void>;
  get(campaignId: string): Promise<Campaign | undefined>;
  /** Newest first, a page at a time. */
  list(pageSize: number, cursor?: string): Promise<CampaignPage>;
  /** Saves the campaign as changed, only if it is still at the version read: false when another save came first. */
  save(campaign: Campaign, readVersion: number): Promise<boolean>;
  /**
   * Members the channel may reach on its footing before each one's own exclusions: those who granted
   * its consent, or every member (post, and the own-customer exception). After the given one, a page at a time: only
   * their index entries are read.
   */
  reachable(channel: Channel, footing: Footing, pageSize: number, after?: string): AsyncIterable<string[]>;
  /** How many members `reachable` gives (index entries counted, profiles not read). */
  reachableCount(channel: Channel, footing: Footing): Promise<number>;
  /** How many members withdrew the purpose's consent (counted, not read). */
  withdrawnCount(purpose: Purpose): Promise<number>;
  /**
   * Records that the campaign reached these members, only while each is still a member: answers
   * those recorded (an erasure that began meanwhile keeps the others out).
   */
  recordContacts(
    campaign: Campaign,
    customerNumbers: readonly string[],
    at: string,
    options?: { heldOut?: boolean },
  ): Promise<Set<string>>;
  /** The members a campaign kept out (its holdout), in customer-number order, a page at a time. */
  heldOut(campaignId: string, pageSize: number): AsyncIterable<string[]>;
  /** The members a campaign reached, in customer-number order after the given one, a page at a time. */
  contacts(campaignId: string, pageSize: number, after?: string): AsyncIterable<string[]>;
  /**
   * Marks the campaign's message to the member as sent, before it goes: true only for the first
   * claim, so that no run, retried or racing, sends it twice (and none when the contact is gone).
   */
  claimMessage(campaignId: string, customerNumber: string, at: string): Promise<boolean>;
  /** Takes back a claim whose message the mail service refused: a later run sends it. */
  releaseMessage(campaignId: string, customerNumber: string): Promise<void>;
  /** Removes the contacts of an audience nobody may read (too small). */
  dropContacts(campaignId: string): Promise<void>;
  recordPreview(preview: CampaignPreview): Promise<void>;
  /** The previews of a campaign, newest first. */
  previews(campaignId: string, limit: number): Promise<CampaignPreview[]>;
}

/** One preview of a campaign's audience: who asked, when, with which criteria, and what it answered. */
export interface CampaignPreview {
  campaignId: string;
  at: string;
  actor: string;
  role: string;
  requestId: string;
  criteria: CriteriaInput;
  reached: Figure;
  /** How many members' purchase totals it read (those who allowed profiling and matched the rest). */
  purchaseTotalsRead: number;
}

/** The campaigns that reached members: a port of its own, so that a member's page carries no more of the campaigns. */
export interface CampaignContacts {
  /** The campaigns that reached one member, oldest first. */
  contactsOf(customerNumber: string): Promise<CampaignContact[]>;
}
