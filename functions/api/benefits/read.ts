import { readBenefits as route } from '../../../shared/contract/routes/benefits.ts';
import { readBenefits } from '../../../shared/benefits/read-benefits.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import {
  benefitRulesStore,
  memberStatements,
  memberStore,
  purchaseStore,
} from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params }) =>
  readBenefits(caller, params.customerNumber, {
    members: memberStore(),
    purchases: purchaseStore(),
    statements: memberStatements(),
    rules: benefitRulesStore(),
  }),
);
