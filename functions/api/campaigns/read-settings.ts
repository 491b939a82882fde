import { readMarketingSettings as route } from '../../../shared/contract/routes/campaigns.ts';
import { readMarketingSettings } from '../../../shared/campaigns/marketing-settings.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { marketingSettingsStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller }) =>
  readMarketingSettings(caller, marketingSettingsStore()),
);
