import type { Channel, Purpose } from '../consents/purposes.ts';
import type { CriteriaInput } from './schemas.ts';

export interface Campaign {
  campaignId: string;
  name: string;
  channel: Channel;
  purpose: Purpose;
  criteria: CriteriaInput;
  createdAt: string;
  createdBy: string;
  summary?: AudienceSummary;
}

export interface AudienceSummary {
  computedAt: string;
  considered: number;
  reached: number;
  notMatching: number;
  excluded: Record<string, number>;
}

/** A campaign that reached a member: marketing read their names and the channel's contact field for it. */
export interface CampaignContact {
  campaignId: string;
  channel: Channel;
  at: string;
}

export interface CampaignStore {
  create(campaign: Campaign): Promise<void>;
  get(campaignId: string): Promise<Campaign | undefined>;
  saveSummary(campaignId: string, summary: AudienceSummary): Promise<void>;
  /** Members who granted the purpose, a page at a time: only their index entries are read. */
  consented(purpose: Purpose, pageSize: number): AsyncIterable<string[]>;
  /** How many members withdrew the purpose's consent (counted, not read). */
  withdrawnCount(purpose: Purpose): Promise<number>;
  recordContacts(campaign: Campaign, customerNumbers: readonly string[], at: string): Promise<void>;
  contacts(campaignId: string, pageSize: number): AsyncIterable<string[]>;
  /** The campaigns that reached one member, oldest first. */
  contactsOf(customerNumber: string): Promise<CampaignContact[]>;
}
