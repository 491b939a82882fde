import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { jobs } from '../../shared/contract/jobs.ts';
import type { JobRequest, JobRequests } from '../../shared/jobs/job-requests.ts';
import { createDocumentClient, tableName } from '../../shared/store/dynamo.ts';
import { DynamoJobRequests, insertRecord } from '../../shared/store/dynamo-job-requests.ts';

/** As the stream's event source mapping: one run, and two more after a failure. */
const ATTEMPTS = 3;

/**
 * The local stand-in for the table's stream: the request is written to the table as in AWS, the
 * route answered at once, and then the job's own handler gets the new item as a stream record,
 * in this process.
 */
export function localJobRequests(
  projectRoot: string,
  onFailure: (job: string, error: unknown) => void,
): JobRequests {
  const table = new DynamoJobRequests(createDocumentClient(), tableName());
  return {
    async request(request: JobRequest) {
      const item = await table.write(request);
      const spec = jobs[request.job as keyof typeof jobs];
      if (!spec || !('startedByApi' in spec)) throw new Error(`${request.job} is not started by a route`);
      const module = (await import(
        pathToFileURL(join(projectRoot, 'functions', `${spec.handler}.ts`)).href
      )) as {
        handler: (event: DynamoDBStreamEvent) => Promise<unknown>;
      };
      setImmediate(async () => {
        for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
          try {
            await module.handler({ Records: [insertRecord(item)] });
            return;
          } catch (error) {
            if (attempt === ATTEMPTS) onFailure(request.job, error);
          }
        }
      });
    },
  };
}
