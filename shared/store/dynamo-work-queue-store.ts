import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../members/audit-entry.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import {
  PROFILE_REF,
  profileStateReason,
  type ProfileStateQueue,
  type WorkItem,
  type WorkPage,
  type WorkQueue,
  type WorkQueueStore,
} from '../queues/work-queue.ts';
import type { Member } from '../members/member.ts';
import { writeWithAuditEntry } from './dynamo-audit.ts';
import { decodeCursor, encodeCursor, transientAsBusy, withoutStorage } from './dynamo.ts';
import { erasureDueIndex, workItemKey, workQueueIndex, workQueuePartition } from './keys.ts';
import { TABLE_SCHEMA } from './table.ts';

/** A work item as stored: in its member's partition, listed on its queue. */
export const workItemRecord = (item: WorkItem) => ({
  ...workItemKey(item.customerNumber, item.queue, item.ref),
  ...workQueueIndex(item.queue, item.since, item.customerNumber, item.ref),
  type: ITEM_TYPES.workItem,
  ...item,
});

/** A member's item on a queue that mirrors their state (one per member and queue). */
export const profileWorkItemRecord = (member: Member, queue: ProfileStateQueue) => {
  const reason = profileStateReason(member, queue);
  return workItemRecord({
    queue,
    customerNumber: member.customerNumber,
    since: member.updatedAt,
    ref: PROFILE_REF,
    ...(reason ? { reason } : {}),
  });
};

export class DynamoWorkQueueStore implements WorkQueueStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async page(queue: WorkQueue, pageSize: number, cursor?: string, now = new Date()): Promise<WorkPage> {
    const erasures = queue === 'erasure';
    const overdue = queue === 'card-overdue';
    const index = erasures ? TABLE_SCHEMA.gsi1 : TABLE_SCHEMA.gsi2;
    const partition = erasures ? erasureDueIndex('', '').gsi1pk : workQueuePartition(queue);
    const { Items = [], LastEvaluatedKey } = await transientAsBusy(() =>
      this.db.send(
        new QueryCommand({
          TableName: this.table,
          ...(erasures
            ? {
                // Profiles whose erasure is due carry it on GSI1, by due date.
                IndexName: TABLE_SCHEMA.gsi1.indexName,
                KeyConditionExpression: 'gsi1pk = :pk',
                ExpressionAttributeValues: { ':pk': partition },
                ProjectionExpression:
                  'customerNumber, gsi1sk, erasureRequestedAt, deceasedOn, membershipEndedAt',
              }
            : overdue
              ? {
                  // Card orders past their due day: the sort key begins with it.
                  IndexName: TABLE_SCHEMA.gsi2.indexName,
                  KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :now',
                  ExpressionAttributeValues: { ':pk': partition, ':now': now.toISOString() },
                  ProjectionExpression: 'customerNumber, batchId, #sequence, batchedAt',
                  ExpressionAttributeNames: { '#sequence': 'sequence' },
                }
              : {
                  IndexName: TABLE_SCHEMA.gsi2.indexName,
                  KeyConditionExpression: 'gsi2pk = :pk',
                  ExpressionAttributeValues: { ':pk': partition },
                }),
          Limit: pageSize,
          ...(cursor
            ? {
                ExclusiveStartKey: decodeCursor(cursor, {
                  partition: [index.partitionKey, partition],
                  sortKey: [index.sortKey, ''],
                }),
              }
            : {}),
        }),
      ),
    );
    const items = Items.map((item): WorkItem => {
      if (overdue)
        return {
          queue,
          customerNumber: String(item.customerNumber),
          since: String(item.batchedAt),
          ref: `${String(item.batchId)}#${String(item.sequence)}`,
          reason: String(item.batchId),
        };
      if (!erasures) return withoutStorage<WorkItem>(item);
      const reason = item.erasureRequestedAt
        ? 'erasure-request'
        : item.deceasedOn
          ? 'deceased'
          : 'membership-ended';
      return {
        queue,
        customerNumber: String(item.customerNumber),
        since: String(item.gsi1sk).split('#')[0]!,
        ref: 'profile',
        reason,
      };
    });
    return { items, ...(LastEvaluatedKey ? { next: encodeCursor(LastEvaluatedKey) } : {}) };
  }

  async item(queue: WorkQueue, customerNumber: string, ref: string): Promise<WorkItem | undefined> {
    const { Item } = await transientAsBusy(() =>
      this.db.send(
        new GetCommand({
          TableName: this.table,
          Key: workItemKey(customerNumber, queue, ref),
          ConsistentRead: true,
        }),
      ),
    );
    return Item && withoutStorage<WorkItem>(Item);
  }

  /** Takes the item off its queue with the audit entry that says who did and why; false if it was gone. */
  async resolve(item: WorkItem, audit: AuditEntry): Promise<boolean> {
    const refused = await writeWithAuditEntry(this.db, this.table, audit, [
      {
        Delete: {
          TableName: this.table,
          Key: workItemKey(item.customerNumber, item.queue, item.ref),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
    ]);
    return !refused;
  }
}
