import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { jobFunctionVariable } from '../contract/jobs.ts';
import { routeList } from '../contract/routes.ts';
import { logger } from '../http/logger.ts';
import type { JobRequest } from '../jobs/job-requests.ts';

/** What the job's function is invoked with: jobHandler() runs it with its input and who asked. */
export interface JobRequestEvent {
  jobRequest: JobRequest;
}

export interface JobDispatch {
  /** The request a stream record names, or undefined for another record or a request already gone. */
  read(record: DynamoDBRecord): Promise<JobRequest | undefined>;
  /** Starts the job and returns at once: from there its own retries and on-failure queue hold it. */
  start(request: JobRequest): Promise<void>;
}

/**
 * A request only the route that starts the job makes, for a role that route allows: a check against
 * mistakes, not a boundary (whatever may write to the table could write a request).
 */
const mayAsk = (request: JobRequest) =>
  routeList.some(
    (route) =>
      [route.startsJob].flat().includes(request.job) &&
      route.roles !== 'public' &&
      (route.roles as readonly string[]).includes(request.requestedBy?.role ?? ''),
  );

/**
 * Hands each new job request from the table's stream to its job. A request that no route could
 * have made is logged and dropped. A start that fails stops the batch there: the stream gives the
 * rest again from that record, and a request started twice is a job run twice, which every
 * startable job takes (it resumes, or another run holds its lease).
 */
export async function dispatchJobRequests(
  records: readonly DynamoDBRecord[],
  deps: JobDispatch,
): Promise<DynamoDBBatchResponse> {
  for (const record of records) {
    try {
      const request = await deps.read(record);
      if (!request) {
        // Its day passed before the stream gave it (the stream keeps a day too): nothing to start.
        logger.warn('a job request was gone', { sequence: record.dynamodb?.SequenceNumber });
        continue;
      }
      if (!mayAsk(request)) {
        logger.error('a job request no route makes was dropped', { job: request.job });
        continue;
      }
      await deps.start(request);
    } catch (error) {
      logger.error('a job request was not handed on; the stream gives it again', {
        error: error instanceof Error ? error.name : 'unknown',
      });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}

let lambda: LambdaClient | undefined;

/** A job's function invoked asynchronously, by the name the stack gives it (jobFunctionVariable). */
export async function invokeJobFunction(request: JobRequest): Promise<void> {
  lambda ??= new LambdaClient({});
  const event: JobRequestEvent = { jobRequest: request };
  await lambda.send(
    new InvokeCommand({
      FunctionName: process.env[jobFunctionVariable(request.job)],
      InvocationType: 'Event',
      Payload: new TextEncoder().encode(JSON.stringify(event)),
    }),
  );
}
