import { randomUUID } from 'node:crypto';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { JobRequest, JobRequests } from '../jobs/job-requests.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { transientAsBusy } from './dynamo.ts';
import { jobRequestKey } from './keys.ts';

/** A request the stream has not handed to its job within a day is of no use any more. */
const KEPT_SECONDS = 24 * 60 * 60;

/**
 * A job started by writing its request to the table: the table's stream hands the new item to the
 * job's function (an event source mapping filtered by jobRequestPattern), which Lambda retries twice
 * and then reports to an on-failure queue. A route needs no SDK client but the table's, and no
 * permission but PutItem.
 */
export class DynamoJobRequests implements JobRequests {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async request(request: JobRequest): Promise<void> {
    await this.write(request);
  }

  /** Answers the item written, which the stream delivers as its new image. */
  async write(request: JobRequest, now = new Date()): Promise<Record<string, unknown>> {
    const item = {
      ...jobRequestKey(request.job, randomUUID()),
      type: ITEM_TYPES.jobRequest,
      ...request,
      requestedAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + KEPT_SECONDS,
    };
    await transientAsBusy(() => this.db.send(new PutCommand({ TableName: this.table, Item: item })));
    return item;
  }
}

/** The stream records that start a job's function: a new request for that job, and nothing else. */
export const jobRequestPattern = (job: string) => ({
  eventName: ['INSERT'],
  dynamodb: { NewImage: { type: { S: [ITEM_TYPES.jobRequest] }, job: { S: [job] } } },
});

/** A new item as the table's stream delivers it to a function (the local register and the tests make these). */
export const insertRecord = (item: Record<string, unknown>): DynamoDBRecord => ({
  eventName: 'INSERT',
  eventSource: 'aws:dynamodb',
  dynamodb: { NewImage: marshall(item) as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'] },
});

/** The request a stream record carries, or undefined for any other record. */
export function jobRequestOf(record: DynamoDBRecord): JobRequest | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (item.type !== ITEM_TYPES.jobRequest) return undefined;
  return {
    job: String(item.job),
    ...(item.input ? { input: item.input as Record<string, string> } : {}),
    ...(item.requestedBy ? { requestedBy: item.requestedBy as JobRequest['requestedBy'] } : {}),
  };
}
