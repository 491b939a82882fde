import { posLookup as route } from '../../../shared/contract/routes/purchases.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { posLookup } from '../../../shared/purchases/pos-lookup.ts';
import { benefitRulesStore, memberStore, purchaseStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ params }) =>
  posLookup(params.cardOrCustomerNumber, {
    members: memberStore(),
    purchases: purchaseStore(),
    rules: benefitRulesStore(),
  }),
);
