import { jobs } from '../../shared/contract/jobs.ts';
import type { JobRequest } from '../../shared/jobs/job-requests.ts';
import { dispatchJobRequests, type JobRequestEvent } from '../../shared/lambda/job-dispatch.ts';
import { jobRequestStore } from '../../shared/store/default-stores.ts';
import type { DynamoDBRecord } from 'aws-lambda';
import { loadFunction } from './functions.ts';

/** As Lambda's asynchronous invocation: one run, and two more after a failure. */
const ATTEMPTS = 3;

/**
 * The job-requests function as the local stream hands it records: it reads each request from its
 * keys and starts the job's handler in this process, not awaited (an asynchronous invocation
 * answers at once), retried as Lambda retries it.
 */
export function localJobRequestReader(onFailure: (job: string, error: unknown) => void) {
  const run = async (request: JobRequest) => {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        const spec = jobs[request.job as keyof typeof jobs];
        const handler = await loadFunction<(event: JobRequestEvent) => Promise<unknown>>(spec.handler);
        await handler({ jobRequest: request });
        return;
      } catch (error) {
        if (attempt === ATTEMPTS) onFailure(request.job, error);
      }
    }
  };
  return (event: { Records: DynamoDBRecord[] }) =>
    dispatchJobRequests(event.Records, {
      read: (record) => jobRequestStore().read(record),
      start: async (request) => void run(request),
    });
}
