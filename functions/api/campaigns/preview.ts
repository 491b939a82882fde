import { previewAudience as route } from '../../../shared/contract/routes/campaigns.ts';
import { previewAudience } from '../../../shared/campaigns/preview.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import {
  campaignStore,
  marketingSettingsStore,
  memberReader,
  purchaseStore,
} from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ params, caller }) =>
  previewAudience(caller, params.campaignId, {
    campaigns: campaignStore(),
    members: memberReader(),
    purchases: purchaseStore(),
    settings: marketingSettingsStore(),
  }),
);
