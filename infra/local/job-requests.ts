import { jobs } from '../../shared/contract/jobs.ts';
import type { JobRequest, JobRequests } from '../../shared/jobs/job-requests.ts';
import { dispatchJobRequests, type JobRequestEvent } from '../../shared/lambda/job-dispatch.ts';
import { jobRequestStore } from '../../shared/store/default-stores.ts';
import { insertRecord } from '../../shared/store/dynamo-job-requests.ts';
import type { ItemKey } from '../../shared/store/keys.ts';
import { loadFunction } from './functions.ts';

/** As Lambda's asynchronous invocation: one run, and two more after a failure. */
const ATTEMPTS = 3;

/**
 * The local stand-in for the table's stream and the asynchronous invocation: the request is written
 * to the table as in AWS and the route answered at once; then the job-requests function's own code
 * reads it from its keys and hands it to the job's handler, in this process.
 */
export function localJobRequests(onFailure: (job: string, error: unknown) => void): JobRequests {
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
  // As the stream gives a new request's keys to its reader, which starts the job and answers at once.
  const handOn = (job: string, key: ItemKey) =>
    setImmediate(() =>
      dispatchJobRequests([insertRecord(key)], {
        read: (record) => jobRequestStore().read(record),
        start: async (started) => void run(started),
      }).catch((error: unknown) => onFailure(job, error)),
    );
  return {
    async request(request: JobRequest) {
      handOn(request.job, await jobRequestStore().write(request));
    },
    async requestOnce(job, requestedBy, now) {
      const { key, written, pending } = await jobRequestStore().writeOnce(job, requestedBy, now);
      if (written) handOn(job, key);
      return pending;
    },
    finished: (job, requestId) => jobRequestStore().finished(job, requestId),
  };
}
