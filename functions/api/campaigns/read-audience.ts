import { readAudience as route } from '../../../shared/contract/routes/campaigns.ts';
import { readAudience, readAudienceCsv } from '../../../shared/campaigns/read-audience.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { csvReply } from '../../../shared/http/reply.ts';
import { campaignStore, memberReader } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ params, query }) => {
  const deps = { campaigns: campaignStore(), members: memberReader() };
  return query.format === 'csv'
    ? csvReply(await readAudienceCsv(params.campaignId, deps))
    : readAudience(params.campaignId, deps);
});
