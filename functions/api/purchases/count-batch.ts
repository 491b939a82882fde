import { countReceipts as route } from '../../../infra/routes.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { countBatch } from '../../../shared/purchases/count-batch.ts';
import { memberStore, purchaseStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ body }) =>
  countBatch(body.receipts, { purchases: purchaseStore(), members: memberStore() }),
);
