import { computeAudience as route } from '../../../shared/contract/routes.ts';
import { computeAudience } from '../../../shared/campaigns/audience.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { campaignStore, memberStore, purchaseStore } from '../../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../../shared/store/default-bucket.ts';

export const handler = apiHandler(route, async ({ params }) =>
  computeAudience(params.campaignId, {
    campaigns: campaignStore(),
    members: memberStore(),
    purchases: purchaseStore(),
    bucket: exchangeBucket(),
  }),
);
