import { readPurchases as route } from '../../../shared/contract/routes/purchases.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { readPurchaseMonths } from '../../../shared/purchases/read-months.ts';
import { memberStore, purchaseStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params, query }) => ({
  months: await readPurchaseMonths(caller, params.customerNumber, query, {
    purchases: purchaseStore(),
    members: memberStore(),
  }),
}));
