import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { JobRequest, JobRequests, PendingRequest } from '../jobs/job-requests.ts';
import type { JobInput } from '../jobs/job-runs.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { conditionalWrite, transientAsBusy } from './dynamo.ts';
import { JOB_REQUEST_PREFIX, jobRequestKey, pendingJobRequestKey, type ItemKey } from './keys.ts';

/** A request the stream has not handed on within a day is of no use any more (the stream keeps a day too). */
const KEPT_SECONDS = 24 * 60 * 60;
/**
 * A pending request no run has ended for this long never will: the stream's reader gives up after
 * five hours and Lambda's retries of the job within one more.
 */
const PENDING_LAPSES_MS = 7 * 60 * 60 * 1000;

/** A request as the table keeps it: the stream hands its keys to the job-requests function. */
export const jobRequestItem = (key: ItemKey, request: JobRequest, now: Date) => ({
  ...key,
  type: ITEM_TYPES.jobRequest,
  ...request,
  requestedAt: now.toISOString(),
  expiresAt: Math.floor(now.getTime() / 1000) + KEPT_SECONDS,
});

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

  async requestOnce(job: string, requestedBy: PendingRequest['requestedBy'], now: Date, input?: JobInput) {
    return (await this.writeOnce(job, requestedBy, now, input)).pending;
  }

  async finished(job: string, requestId: string): Promise<void> {
    // Refused when another request took its place meanwhile: that one stays pending.
    await conditionalWrite(
      this.db,
      new DeleteCommand({
        TableName: this.table,
        Key: pendingJobRequestKey(job),
        ConditionExpression: 'requestedBy.requestId = :id',
        ExpressionAttributeValues: { ':id': requestId },
      }),
    );
  }

  /** Answers the item's keys, which the stream delivers. */
  async write(request: JobRequest, now = new Date()): Promise<ItemKey> {
    const key = jobRequestKey(request.job, randomUUID());
    const item = jobRequestItem(key, request, now);
    await transientAsBusy(() => this.db.send(new PutCommand({ TableName: this.table, Item: item })));
    return key;
  }

  /**
   * The job's one pending request: put only where none is (an insert, which the stream hands on), or
   * the one pending answered. One that lapsed is removed first, since a put over it would be a
   * modification the stream's filter passes over.
   */
  async writeOnce(job: string, requestedBy: PendingRequest['requestedBy'], now: Date, input?: JobInput) {
    const key = pendingJobRequestKey(job);
    const item = jobRequestItem(key, { job, requestedBy, once: true, ...(input ? { input } : {}) }, now);
    for (;;) {
      const refused = await conditionalWrite(
        this.db,
        new PutCommand({
          TableName: this.table,
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      if (!refused) return { key, written: true, pending: { requestedAt: item.requestedAt, requestedBy } };
      const held = refused[0]?.item as (PendingRequest & { requestedAt: string }) | undefined;
      if (held && now.getTime() - Date.parse(held.requestedAt) < PENDING_LAPSES_MS)
        return {
          key,
          written: false,
          pending: { requestedAt: held.requestedAt, requestedBy: held.requestedBy },
        };
      await conditionalWrite(
        this.db,
        new DeleteCommand({
          TableName: this.table,
          Key: key,
          ...(held
            ? {
                ConditionExpression: 'requestedAt = :at',
                ExpressionAttributeValues: { ':at': held.requestedAt },
              }
            : {}),
        }),
      );
    }
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
      ...(Item.input ? { input: Item.input as JobInput } : {}),
      ...(Item.requestedBy ? { requestedBy: Item.requestedBy as JobRequest['requestedBy'] } : {}),
      ...(Item.once ? { once: true } : {}),
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
