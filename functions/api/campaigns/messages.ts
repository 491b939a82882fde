import { previewMessages as route } from '../../../shared/contract/routes/campaigns.ts';
import { campaignMessages } from '../../../shared/campaigns/campaigns.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { campaignStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, ({ params }) =>
  campaignMessages(params.campaignId, campaignStore()),
);
