import type { DynamoDBStreamEvent } from 'aws-lambda';
import { dispatchJobRequests, invokeJobFunction } from '../../shared/lambda/job-dispatch.ts';
import { jobRequestStore } from '../../shared/store/default-stores.ts';

/** The table's stream, filtered to new job requests: each handed to its job's function. */
export const handler = (event: DynamoDBStreamEvent) =>
  dispatchJobRequests(event.Records, {
    read: (record) => jobRequestStore().read(record),
    start: invokeJobFunction,
  });
