import { randomBytes } from 'node:crypto';
import type { Caller } from '../auth/caller.ts';
import { CHANNEL_PURPOSE } from '../consents/purposes.ts';
import { config } from '../config.ts';
import { notFound, Refusal } from '../refusal.ts';
import type { Campaign, CampaignStore } from './campaign-store.ts';
import type { CampaignStatus } from './campaign-status.ts';
import { campaignView } from './campaign-view.ts';
import { previewMessages } from './message.ts';
import type { CreateCampaignInput, EditCampaignInput } from './schemas.ts';

export async function createCampaign(
  caller: Caller,
  input: CreateCampaignInput,
  campaigns: CampaignStore,
  now = new Date(),
) {
  const campaign: Campaign = {
    campaignId: `C-${randomBytes(6).toString('hex')}`,
    name: input.name,
    channel: input.channel,
    purpose: CHANNEL_PURPOSE[input.channel],
    criteria: input.criteria ?? {},
    ...(input.content ? { content: input.content } : {}),
    holdoutPercent: input.holdoutPercent ?? config.marketing.holdoutPercent,
    status: 'draft',
    createdAt: now.toISOString(),
    createdBy: caller.actor,
    version: 1,
  };
  await campaigns.create(campaign);
  return campaignView(campaign);
}

/** The campaigns, newest first, a page at a time. */
export async function listCampaigns(campaigns: CampaignStore, cursor?: string) {
  const page = await campaigns.list(20, cursor);
  return { ...page, campaigns: page.campaigns.map(campaignView) };
}

export async function getCampaign(campaignId: string, campaigns: CampaignStore): Promise<Campaign> {
  const campaign = await campaigns.get(campaignId);
  if (!campaign) throw notFound('campaign');
  return campaign;
}

/** A campaign as shown, with the previews of its audience that marketing has asked for (who, when, which criteria). */
export async function readCampaign(caller: Caller, campaignId: string, campaigns: CampaignStore) {
  const [campaign, previews] = await Promise.all([
    getCampaign(campaignId, campaigns),
    campaigns.previews(campaignId, PREVIEWS_SHOWN),
  ]);
  return {
    ...campaignView(campaign),
    // Which colleague asked is the admin's to see, as in a member's audit trail.
    previews: previews.map(({ actor, ...preview }) =>
      caller.role === 'admin' ? { ...preview, actor } : preview,
    ),
  };
}
const PREVIEWS_SHOWN = 50;

export const campaignIs = (campaign: Campaign, ...allowed: CampaignStatus[]) => {
  if (!allowed.includes(campaign.status))
    throw new Refusal(
      'campaign-state',
      `The campaign is ${campaign.status}`,
      allowed.length ? `This needs a campaign that is ${allowed.join(' or ')}.` : undefined,
    );
};

export const campaignChanged = () =>
  new Refusal('campaign-state', 'The campaign changed meanwhile', 'Read it again and retry.');

/** Saves a change of the campaign as read, unless anyone saved it since: the campaign as saved, or undefined. */
export async function saveIfUnchanged(campaigns: CampaignStore, read: Campaign, changed: Campaign) {
  const saved = { ...changed, version: read.version + 1 };
  return (await campaigns.save(saved, read.version)) ? saved : undefined;
}

/**
 * Saves a change of the campaign as read: refused when anyone saved it since (an edit racing the
 * start of its audience loses one or the other, never silently). Answers the campaign as saved.
 */
export async function saveChange(
  campaigns: CampaignStore,
  read: Campaign,
  changed: Campaign,
): Promise<Campaign> {
  const saved = await saveIfUnchanged(campaigns, read, changed);
  if (!saved) throw campaignChanged();
  return saved;
}

/**
 * Name and criteria may change while the campaign is a draft (nobody has been reached yet); the
 * content also once its audience is computed, until sending begins.
 */
export async function editCampaign(campaignId: string, input: EditCampaignInput, campaigns: CampaignStore) {
  const campaign = await getCampaign(campaignId, campaigns);
  const contentOnly =
    input.name === undefined && input.criteria === undefined && input.holdoutPercent === undefined;
  if (contentOnly) campaignIs(campaign, 'draft', 'computed');
  else campaignIs(campaign, 'draft');
  return campaignView(await saveChange(campaigns, campaign, { ...campaign, ...input }));
}

export async function closeCampaign(campaignId: string, campaigns: CampaignStore) {
  const campaign = await getCampaign(campaignId, campaigns);
  if (campaign.status === 'closed') return campaignView(campaign);
  campaignIs(campaign, 'draft', 'computed', 'too-small');
  return campaignView(await saveChange(campaigns, campaign, { ...campaign, status: 'closed' }));
}

/** The campaign's message in each of its languages, as an example member would get it. */
export async function campaignMessages(campaignId: string, campaigns: CampaignStore) {
  const campaign = await getCampaign(campaignId, campaigns);
  return previewMessages(campaign.content, campaign.channel);
}

/**
 * Saves the campaign as its job's work starts (computing, sending) and asks for the job's run; not
 * asked, the campaign goes back to as it was read, so that it can be started again.
 */
export async function startCampaignJob(
  campaigns: CampaignStore,
  read: Campaign,
  started: Campaign,
  ask: () => Promise<void>,
) {
  const saved = await saveChange(campaigns, read, started);
  try {
    await ask();
  } catch (error) {
    await saveChange(campaigns, saved, read);
    throw error;
  }
  return campaignView(saved);
}
