import { setMarketingSettings as route } from '../../../shared/contract/routes/campaigns.ts';
import { setMarketingSettings } from '../../../shared/campaigns/marketing-settings.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { marketingSettingsStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, body }) =>
  setMarketingSettings(caller, body, marketingSettingsStore()),
);
