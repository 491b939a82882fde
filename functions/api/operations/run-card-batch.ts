import { runCardBatchNow as route } from '../../../shared/contract/routes/operations.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { reply } from '../../../shared/http/reply.ts';
import { requestRun } from '../../../shared/jobs/job-requests.ts';
import { jobRequests } from '../../../shared/store/default-stores.ts';

/** The very job the schedule runs, asked for from the console; its run record says who asked. */
export const handler = apiHandler(route, async ({ caller }) =>
  reply(202, await requestRun(route.startsJob, caller, jobRequests()), { location: '/job-runs' }),
);
