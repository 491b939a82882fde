import { countReceipts as route } from '../../../shared/contract/routes/purchases.ts';
import { config } from '../../../shared/config.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { problemBodyOf } from '../../../shared/http/problem.ts';
import { countBatch } from '../../../shared/purchases/count-batch.ts';
import { memberStore, purchaseStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ body }) => {
  const { results, ...tally } = await countBatch(body.receipts, {
    purchases: purchaseStore(),
    members: memberStore(),
  });
  return {
    ...tally,
    results: results.map((result) => {
      if (!('refusal' in result)) return result;
      const { refusal, ...rest } = result;
      return { ...rest, problem: problemBodyOf(refusal, config.retryAfterSeconds) };
    }),
  };
});
