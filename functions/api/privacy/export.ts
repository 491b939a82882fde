import { routes } from '../../../infra/routes.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { exportMember } from '../../../shared/privacy/rights.ts';
import { memberStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(routes.exportMember, async ({ caller, params }) =>
  exportMember(caller, params.customerNumber, memberStore()),
);
