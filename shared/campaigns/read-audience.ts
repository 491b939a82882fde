import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { CSV_CONTENT_TYPE, registerCsv } from '../exchange/csv.ts';
import { CHANNEL_FIELDS, type Channel } from '../consents/purposes.ts';
import type { Member } from '../members/member.ts';
import type { MemberReader } from '../members/member-store.ts';
import type { ExchangeFiles } from '../exchange/exchange-files.ts';
import { marketingExportKey } from '../exchange/layout.ts';
import { exclusion } from './audience-rules.ts';
import { campaignFooting, type Campaign, type CampaignStore } from './campaign-store.ts';
import { campaignIs, getCampaign } from './campaigns.ts';
import { audienceFigures } from './campaign-view.ts';

const PAGE = 100;
type Deps = { campaigns: CampaignStore; members: MemberReader };

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
export async function* audienceRows(campaign: Campaign, deps: Deps): AsyncIterable<AudienceRow> {
  for await (const page of deps.campaigns.contacts(campaign.campaignId, PAGE)) {
    const members = await deps.members.getMany(page);
    for (const member of members.values()) {
      if (!exclusion(member, campaign.channel, campaignFooting(campaign)))
        yield rowOf(member, campaign.channel);
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

/** A campaign whose audience may be read: not one too small to be contacted. */
async function readableCampaign(campaignId: string, campaigns: CampaignStore) {
  const campaign = await getCampaign(campaignId, campaigns);
  campaignIs(campaign, 'computing', 'computed', 'closed');
  return campaign;
}

/** The audience marketing reads: each member reached, as they may be contacted now. */
export async function readAudience(campaignId: string, deps: Deps) {
  const campaign = await readableCampaign(campaignId, deps.campaigns);
  const audience: AudienceRow[] = [];
  for await (const row of audienceRows(campaign, deps)) audience.push(row);
  return {
    campaignId,
    channel: campaign.channel,
    ...(campaign.summary
      ? {
          summary: {
            computedAt: campaign.summary.computedAt,
            ...audienceFigures(campaign.summary, campaign),
          },
        }
      : {}),
    audience,
  };
}

/** The same audience as the CSV marketing downloads. */
export async function readAudienceCsv(campaignId: string, deps: Deps): Promise<string> {
  const campaign = await readableCampaign(campaignId, deps.campaigns);
  return text(audienceCsv(campaign, audienceRows(campaign, deps)));
}

/** The mailing house's file: marketing/exports/<campaignId>.csv, with each address's source. */
export async function exportPostAudience(
  campaign: Campaign,
  deps: Deps & { files: ExchangeFiles },
): Promise<string> {
  const key = marketingExportKey(campaign.campaignId);
  await deps.files.upload(key, audienceCsv(campaign, audienceRows(campaign, deps)), CSV_CONTENT_TYPE);
  return key;
}
