import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { JobRequest, JobRequests } from '../jobs/job-requests.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { transientAsBusy } from './dynamo.ts';
import { JOB_REQUEST_PREFIX, jobRequestKey, type ItemKey } from './keys.ts';

/** A request the stream has not handed on within a day is of no use any more (the stream keeps a day too). */
const KEPT_SECONDS = 24 * 60 * 60;

/**
 * A job started by writing its request to the table. The table's stream, which carries keys only,
 * hands each new request to the job-requests function (an event source mapping filtered by
 * jobRequestPattern), which reads it and invokes the job's function. A route needs no SDK client
 * but the table's, and no permission but PutItem.
 */
export class DynamoJobRequests implements JobRequests {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async request(request: JobRequest): Promise<void> {
    await this.write(request);
  }

  /** Answers the item's keys, which the stream delivers. */
  async write(request: JobRequest, now = new Date()): Promise<ItemKey> {
    const key = jobRequestKey(request.job, randomUUID());
    const item = {
      ...key,
      type: ITEM_TYPES.jobRequest,
      ...request,
      requestedAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + KEPT_SECONDS,
    };
    await transientAsBusy(() => this.db.send(new PutCommand({ TableName: this.table, Item: item })));
    return key;
  }

  /** The request a stream record names, or undefined for another record or a request already gone. */
  async read(record: DynamoDBRecord): Promise<JobRequest | undefined> {
    const keys = record.dynamodb?.Keys;
    if (record.eventName !== 'INSERT' || !keys) return undefined;
    const key = unmarshall(keys as Record<string, AttributeValue>) as ItemKey;
    if (!key.pk.startsWith(JOB_REQUEST_PREFIX)) return undefined;
    const { Item } = await transientAsBusy(() =>
      this.db.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true })),
    );
    if (Item?.type !== ITEM_TYPES.jobRequest) return undefined;
    return {
      job: String(Item.job),
      ...(Item.input ? { input: Item.input as Record<string, string> } : {}),
      ...(Item.requestedBy ? { requestedBy: Item.requestedBy as JobRequest['requestedBy'] } : {}),
    };
  }
}

/** The stream records the job-requests function gets: new requests, by their key, and nothing else. */
export const jobRequestPattern = () => ({
  eventName: ['INSERT'],
  dynamodb: { Keys: { pk: { S: [{ prefix: JOB_REQUEST_PREFIX }] } } },
});

/** A new item as a keys-only stream delivers it (the local register and the tests make these). */
export const insertRecord = (key: ItemKey, sequenceNumber = '1'): DynamoDBRecord => ({
  eventName: 'INSERT',
  eventSource: 'aws:dynamodb',
  dynamodb: {
    Keys: marshall(key) as NonNullable<DynamoDBRecord['dynamodb']>['Keys'],
    SequenceNumber: sequenceNumber,
    StreamViewType: 'KEYS_ONLY',
  },
});
