import { createCampaign as route } from '../../../shared/contract/routes/campaigns.ts';
import { createCampaign } from '../../../shared/campaigns/campaigns.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { reply } from '../../../shared/http/reply.ts';
import { campaignStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, body }) =>
  reply(201, await createCampaign(caller, body, campaignStore())),
);
