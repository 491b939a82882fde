import { memberAudit as route } from '../../../shared/contract/routes/privacy.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { readAuditTrail } from '../../../shared/privacy/rights.ts';
import { campaignContacts, memberStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params }) => ({
  customerNumber: params.customerNumber,
  ...(await readAuditTrail(caller, params.customerNumber, memberStore(), campaignContacts())),
}));
