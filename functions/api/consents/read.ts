import { readConsents as route } from '../../../shared/contract/routes/consents.ts';
import { readConsents } from '../../../shared/consents/consents.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { campaignContacts, memberStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params }) =>
  readConsents(caller, params.customerNumber, memberStore(), campaignContacts()),
);
