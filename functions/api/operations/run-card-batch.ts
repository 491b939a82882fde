import { runCardBatchNow as route } from '../../../shared/contract/routes.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { runJob } from '../../../shared/lambda/job-handler.ts';
import { entry as cardBatch } from '../../jobs/card-batch.ts';

/** The very job the schedule runs, started from the console; its run record says who asked. */
export const handler = apiHandler(route, async ({ caller }) =>
  runJob(cardBatch, undefined, undefined, {
    actor: caller.actor,
    role: caller.role,
    requestId: caller.requestId,
  }),
);
