import { workQueue as route } from '../../../shared/contract/routes/operations.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { readWorkQueue } from '../../../shared/queues/work.ts';
import { memberSearchStore, workQueueStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params, query }) =>
  readWorkQueue(caller, params.queue, query.cursor, {
    queues: workQueueStore(),
    searches: memberSearchStore(),
  }),
);
