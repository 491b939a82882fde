import { resolveWorkItem as route } from '../../../shared/contract/routes/operations.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { memberReply } from '../../../shared/http/member-reply.ts';
import { resolveWorkItem } from '../../../shared/queues/work.ts';
import type { Resolution } from '../../../shared/queues/work-queue.ts';
import { memberStore, payoutStore, workQueueStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params, body }) =>
  memberReply(
    200,
    await resolveWorkItem(
      caller,
      { queue: params.queue, customerNumber: body.customerNumber, ref: body.ref },
      body.resolution as Resolution,
      { queues: workQueueStore(), members: memberStore(), payouts: payoutStore() },
    ),
  ),
);
