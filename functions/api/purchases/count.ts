import { countReceipt as route } from '../../../shared/contract/routes/purchases.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { reply } from '../../../shared/http/reply.ts';
import { countReceipt } from '../../../shared/purchases/count-receipt.ts';
import { memberStore, purchaseStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ body }) =>
  reply(201, await countReceipt(body, { purchases: purchaseStore(), members: memberStore() })),
);
