import { editCampaign as route } from '../../../shared/contract/routes/campaigns.ts';
import { editCampaign } from '../../../shared/campaigns/campaigns.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { campaignStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ params, body }) =>
  editCampaign(params.campaignId, body, campaignStore()),
);
