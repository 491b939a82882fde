import { readCampaign as route } from '../../../shared/contract/routes.ts';
import { getCampaign } from '../../../shared/campaigns/audience.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { campaignStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ params }) =>
  getCampaign(params.campaignId, campaignStore()),
);
