import { routes } from '../../../infra/routes.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { eraseMember } from '../../../shared/privacy/rights.ts';
import { memberStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(routes.eraseMember, async ({ caller, params, query }) =>
  eraseMember(caller, params.customerNumber, query.reason, memberStore()),
);
