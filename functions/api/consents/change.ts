import { changeConsent as route } from '../../../shared/contract/routes/consents.ts';
import { changeConsent } from '../../../shared/consents/consents.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { memberStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params, body }) =>
  changeConsent(caller, params.customerNumber, params.purpose, body, memberStore()),
);
