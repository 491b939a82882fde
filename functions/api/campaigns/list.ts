import { listCampaigns as route } from '../../../shared/contract/routes/campaigns.ts';
import { listCampaigns } from '../../../shared/campaigns/campaigns.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { campaignStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ query }) => listCampaigns(campaignStore(), query.cursor));
