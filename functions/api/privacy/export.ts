import { exportMember as route } from '../../../shared/contract/routes/privacy.ts';
import { marketingFooting } from '../../../shared/campaigns/marketing-settings.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { exportMember } from '../../../shared/privacy/rights.ts';
import { memberPrivacyStore } from '../../../shared/store/default-privacy-store.ts';
import { marketingSettingsStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params }) =>
  exportMember(
    caller,
    params.customerNumber,
    memberPrivacyStore(),
    await marketingFooting(marketingSettingsStore()),
  ),
);
