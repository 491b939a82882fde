import { exportMember as route } from '../../../shared/contract/routes/privacy.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { exportMember } from '../../../shared/privacy/rights.ts';
import { memberPrivacyStore } from '../../../shared/store/default-privacy-store.ts';

export const handler = apiHandler(route, async ({ caller, params }) =>
  exportMember(caller, params.customerNumber, memberPrivacyStore()),
);
