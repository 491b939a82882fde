import { cardBatches as route } from '../../shared/contract/routes/cards.ts';
import { listCardBatches } from '../../shared/cards/list-batches.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { cardBatchReader } from '../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ query }) =>
  listCardBatches(cardBatchReader(), query.overdue === 'true'),
);
