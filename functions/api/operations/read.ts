import { jobRuns as route } from '../../../shared/contract/routes/operations.ts';
import { JOB_NAMES } from '../../../shared/contract/jobs.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { readOperations } from '../../../shared/jobs/job-runs.ts';
import { addressJobStore, jobRunStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async () =>
  readOperations(JOB_NAMES, { runs: jobRunStore(), addressFiles: () => addressJobStore().files() }),
);
