import { closeCampaign as route } from '../../../shared/contract/routes/campaigns.ts';
import { closeCampaign } from '../../../shared/campaigns/campaigns.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { campaignStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ params }) =>
  closeCampaign(params.campaignId, campaignStore()),
);
