import { MemberView } from '../../members/schemas.ts';
import * as z from 'zod/mini';
import { JobRequestedView, OperationsView } from '../../jobs/schemas.ts';
import { ON_DEMAND_JOBS } from '../jobs.ts';
import { ResolveWorkBody, WorkPageView, WorkQueuePath, WorkQueueQuery } from '../../queues/schemas.ts';
import type { RouteSpec } from '../route.ts';

// Operations: the jobs' runs, a run asked for, and the work queues that need a person. One export per
// route, as routes.ts says.

export const jobRuns = {
  method: 'GET',
  path: '/job-runs',
  handler: 'api/operations/read',
  roles: ['admin', 'processor'],
  summary: 'The jobs’ last runs (when, outcome, counts, files written) and the address files not applied',
  responses: { 200: { description: 'Runs, newest first, per job', body: OperationsView } },
  tableActions: ['Query'],
} as const satisfies RouteSpec;

const RunJobPath = z.strictObject({ job: z.enum(ON_DEMAND_JOBS) });
/** A run's input in the query, so that a run without one is a POST without a body. */
const RunJobQuery = z.strictObject({ dryRun: z.optional(z.enum(['true', 'false'])) });

export const runJobNow = {
  method: 'POST',
  path: '/job-runs/{job}',
  handler: 'api/operations/run-job',
  roles: ['admin', 'processor'],
  summary:
    'Run a job now, as the schedule does (the card batch, the address refresh and extract, retention, statistics, the audit check, a reindex with dryRun=true or not): the run starts at once and shows in the job runs, which say who asked and with what input. While a run asked for has not ended, asking again answers with that one',
  params: RunJobPath,
  query: RunJobQuery,
  responses: {
    202: {
      description:
        'Asked for, or asked for already: Location names the job runs, where the run shows when it ends',
      body: JobRequestedView,
    },
  },
  // A pending request that lapsed is removed before a new one is put.
  tableActions: ['PutItem', 'DeleteItem'],
  startsJob: ON_DEMAND_JOBS,
} as const satisfies RouteSpec;

export const workQueue = {
  method: 'GET',
  path: '/work-queues/{queue}',
  handler: 'api/queues/read',
  roles: ['admin', 'customer-service', 'processor'],
  summary:
    'A work queue, oldest first, 20 a page: address lines in review, doubtful addresses, returned cards, overdue card orders, erasures (admin)',
  params: WorkQueuePath,
  query: WorkQueueQuery,
  responses: {
    200: { description: 'A page of items, and a cursor when more follow', body: WorkPageView },
    403: { description: 'The queue is not the role’s (erasures are for admins)' },
  },
  tableActions: ['Query', 'PutItem'],
} as const satisfies RouteSpec;

export const resolveWorkItem = {
  method: 'POST',
  path: '/work-queues/{queue}/resolutions',
  handler: 'api/queues/resolve',
  roles: ['admin', 'customer-service'],
  summary:
    'Resolve an item: address review by accept-register or keep-member, a doubtful address or a rejected payout (paid again next time) by mark-checked (a returned card: POST …/card/replacement; an erasure: DELETE the member)',
  params: WorkQueuePath,
  body: ResolveWorkBody,
  responses: {
    200: { description: 'The member after the resolution', body: MemberView },
    400: { description: 'Not a resolution of this queue' },
    404: { description: 'No such item, or someone resolved it first' },
  },
  tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'],
} as const satisfies RouteSpec;
