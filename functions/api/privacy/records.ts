import { recordsOfProcessing as route } from '../../../shared/contract/routes/privacy.ts';
import { marketingFooting } from '../../../shared/campaigns/marketing-settings.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { deployedDataLocation } from '../../../shared/lambda/data-location.ts';
import { recordsOfProcessing } from '../../../shared/privacy/notice.ts';
import { marketingSettingsStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async () =>
  recordsOfProcessing(deployedDataLocation(), await marketingFooting(marketingSettingsStore())),
);
