import { runJobNow as route } from '../../../shared/contract/routes/operations.ts';
import { onDemandInputs } from '../../../shared/contract/jobs.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { reply } from '../../../shared/http/reply.ts';
import { runJobNow } from '../../../shared/jobs/job-requests.ts';
import { jobRequests } from '../../../shared/store/default-stores.ts';

/** The very job the schedule runs, asked for from the console; its run record says who asked, with what. */
export const handler = apiHandler(route, async ({ caller, params, query }) =>
  reply(
    202,
    await runJobNow(
      { name: params.job, inputs: onDemandInputs(params.job) },
      query.dryRun === undefined ? {} : { dryRun: query.dryRun === 'true' },
      caller,
      jobRequests(),
    ),
    { location: '/job-runs' },
  ),
);
