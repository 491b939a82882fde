import { campaignResults as route } from '../../../shared/contract/routes/campaigns.ts';
import { campaignResults } from '../../../shared/campaigns/results.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { campaignStore, purchaseStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, ({ params }) =>
  campaignResults(params.campaignId, { campaigns: campaignStore(), purchases: purchaseStore() }),
);
