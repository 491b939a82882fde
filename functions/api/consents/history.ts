import { consentHistory as route } from '../../../shared/contract/routes/consents.ts';
import { readConsentHistory } from '../../../shared/consents/consents.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { memberStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params }) =>
  readConsentHistory(caller, params.customerNumber, memberStore()),
);
