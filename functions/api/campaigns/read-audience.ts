import { text } from 'node:stream/consumers';
import { readAudience as route } from '../../../shared/contract/routes.ts';
import { audienceCsv, audienceRows, getCampaign } from '../../../shared/campaigns/audience.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { reply } from '../../../shared/http/reply.ts';
import { campaignStore, memberReader } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ params, query }) => {
  const deps = { campaigns: campaignStore(), members: memberReader() };
  const campaign = await getCampaign(params.campaignId, deps.campaigns);
  if (query.format === 'csv') {
    return reply(200, await text(audienceCsv(campaign, audienceRows(campaign, deps))), {
      'content-type': 'text/csv; charset=utf-8',
    });
  }
  const rows = [];
  for await (const row of audienceRows(campaign, deps)) rows.push(row);
  return {
    campaignId: campaign.campaignId,
    channel: campaign.channel,
    summary: campaign.summary,
    audience: rows,
  };
});
