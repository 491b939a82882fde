import { readCampaign as route } from '../../../shared/contract/routes/campaigns.ts';
import { readCampaign } from '../../../shared/campaigns/campaigns.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { campaignStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ params, caller }) =>
  readCampaign(caller, params.campaignId, campaignStore()),
);
