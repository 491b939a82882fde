import { eraseMember as route } from '../../../shared/contract/routes/privacy.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { eraseMember } from '../../../shared/privacy/rights.ts';
import { memberPrivacyStore } from '../../../shared/store/default-privacy-store.ts';

export const handler = apiHandler(route, async ({ caller, params, query }) =>
  eraseMember(caller, params.customerNumber, query.reason, memberPrivacyStore()),
);
