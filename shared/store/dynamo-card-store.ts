import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchIdOf, type BatchManifest, type BatchRow } from '../cards/batch-file.ts';
import type { AckEffect, AckOutcome, CardBatch, CardStore, StoredCardOrder } from '../cards/card-store.ts';
import { overdueFrom } from '../cards/list-batches.ts';
import { config, epochSecondsAfterMonths } from '../config.ts';
import type { AuditEntry } from '../members/audit-entry.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { ackItems, profileCardUpdate } from './card-order-items.ts';
import { writeWithAuditEntry } from './dynamo-audit.ts';
import { batchOf, CARD_BATCH_JOB, COUNTER, DynamoCardBatches, orderOf } from './dynamo-card-batches.ts';
import type { TransactItem } from './dynamo.ts';
import {
  batchOrderIndex,
  cardOrderKey,
  JOB_ITEM_PREFIX,
  jobKey,
  overdueOrderIndex,
  pendingCardOrderIndex,
} from './keys.ts';
import { TABLE_SCHEMA } from './table.ts';

const OPEN = jobKey(CARD_BATCH_JOB, 'OPEN');
const batchKey = (batchId: string) => jobKey(CARD_BATCH_JOB, JOB_ITEM_PREFIX.cardBatch + batchId);

export class DynamoCardStore extends DynamoCardBatches implements CardStore {
  async *pendingOrders(pageSize: number): AsyncIterable<StoredCardOrder[]> {
    const { gsi1pk } = pendingCardOrderIndex('', '');
    for await (const items of this.query({
      IndexName: TABLE_SCHEMA.gsi1.indexName,
      KeyConditionExpression: 'gsi1pk = :pending',
      ExpressionAttributeValues: { ':pending': gsi1pk },
      Limit: pageSize,
    })) {
      yield items.map(orderOf);
    }
  }

  async openBatch(): Promise<CardBatch | undefined> {
    const { Item: open } = await this.send<{ Item?: { batchId: string } }>(
      new GetCommand({ TableName: this.table, Key: OPEN, ConsistentRead: true }),
    );
    if (!open) return undefined;
    const { Item } = await this.send<{ Item?: Record<string, unknown> }>(
      new GetCommand({ TableName: this.table, Key: batchKey(open.batchId), ConsistentRead: true }),
    );
    return Item && batchOf(Item);
  }

  async openNewBatch(now: Date): Promise<CardBatch> {
    const { Item: counter } = await this.send<{ Item?: { reference: number } }>(
      new GetCommand({ TableName: this.table, Key: COUNTER, ConsistentRead: true }),
    );
    const previous = counter?.reference ?? 0;
    const transmissionReference = previous + 1;
    const batch: CardBatch = {
      batchId: batchIdOf(now, transmissionReference),
      transmissionReference,
      createdAt: now.toISOString(),
      status: 'open',
    };
    // The reference, the batch and the open pointer move together, so references have no gaps and
    // two runs cannot open two batches.
    await this.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.table,
              Item: { ...COUNTER, type: ITEM_TYPES.jobCounter, reference: transmissionReference },
              ConditionExpression: counter ? '#reference = :previous' : 'attribute_not_exists(pk)',
              ...(counter
                ? {
                    ExpressionAttributeNames: { '#reference': 'reference' },
                    ExpressionAttributeValues: { ':previous': previous },
                  }
                : {}),
            },
          },
          {
            Put: {
              TableName: this.table,
              Item: { ...batchKey(batch.batchId), type: ITEM_TYPES.cardBatch, ...batch },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: this.table,
              Item: { ...OPEN, type: ITEM_TYPES.jobPointer, batchId: batch.batchId },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    return batch;
  }

  async claimedSequences(batchId: string): Promise<number[]> {
    const sequences: number[] = [];
    for await (const items of this.query({
      IndexName: TABLE_SCHEMA.gsi1.indexName,
      KeyConditionExpression: 'gsi1pk = :batch',
      ExpressionAttributeValues: { ':batch': batchOrderIndex(batchId, 0).gsi1pk },
      ProjectionExpression: 'gsi1sk',
    })) {
      sequences.push(...items.map((item) => Number(item.gsi1sk)));
    }
    return sequences.sort((a, b) => a - b);
  }

  async resequence(batchId: string, from: number, to: number): Promise<void> {
    const order = await this.orderInBatch(batchId, from);
    if (!order) throw new Error(`no order at sequence ${from} of ${batchId}`);
    const index = batchOrderIndex(batchId, to);
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: cardOrderKey(order.customerNumber, order.orderedAt),
        UpdateExpression: 'SET #sequence = :to, #row.#sequence = :to, gsi1sk = :gsi1sk',
        ConditionExpression: 'batchId = :batchId AND #sequence = :from',
        ExpressionAttributeNames: { '#sequence': 'sequence', '#row': 'row' },
        ExpressionAttributeValues: { ':to': to, ':from': from, ':gsi1sk': index.gsi1sk, ':batchId': batchId },
      }),
    );
  }

  /**
   * Moves a pending order on, and the member's card with it, in one transaction; false when the order
   * is no longer pending (cancelled or claimed meanwhile) or is no longer the member's current one.
   */
  private async fromPending(
    order: StoredCardOrder,
    orderUpdate: { set: string; names?: Record<string, string>; values: Record<string, unknown> },
    profile: TransactItem,
    audit: AuditEntry,
  ): Promise<boolean> {
    return writeWithAuditEntry(this.db, this.table, audit, [
      {
        Update: {
          TableName: this.table,
          Key: cardOrderKey(order.customerNumber, order.orderedAt),
          UpdateExpression: orderUpdate.set,
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status', ...orderUpdate.names },
          ExpressionAttributeValues: { ':pending': 'PENDING', ...orderUpdate.values },
        },
      },
      profile,
    ]).then((refused) => !refused);
  }

  claim(
    order: StoredCardOrder,
    batch: CardBatch,
    sequence: number,
    row: BatchRow,
    now: Date,
    audit: AuditEntry,
  ): Promise<boolean> {
    const at = now.toISOString();
    const index = batchOrderIndex(batch.batchId, sequence);
    const overdue = overdueOrderIndex(overdueFrom(now), order.customerNumber, order.orderedAt);
    return this.fromPending(
      order,
      {
        set: 'SET #status = :batched, batchId = :batchId, #sequence = :sequence, #row = :row, batchedAt = :at, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk',
        names: { '#sequence': 'sequence', '#row': 'row' },
        values: {
          ':batched': 'BATCHED',
          ':batchId': batch.batchId,
          ':sequence': sequence,
          ':row': row,
          ':at': at,
          ':gsi1pk': index.gsi1pk,
          ':gsi1sk': index.gsi1sk,
          ':gsi2pk': overdue.gsi2pk,
          ':gsi2sk': overdue.gsi2sk,
        },
      },
      profileCardUpdate(
        this.table,
        order,
        'card.#status = :batched',
        { ':batched': 'BATCHED', ':at': at },
        { '#status': 'status' },
      ),
      audit,
    );
  }

  async cancel(order: StoredCardOrder, reason: string, now: Date, audit: AuditEntry): Promise<void> {
    const at = now.toISOString();
    await this.fromPending(
      order,
      {
        set: 'SET #status = :cancelled, cancelledAt = :at, cancelReason = :reason REMOVE gsi1pk, gsi1sk',
        values: { ':cancelled': 'CANCELLED', ':at': at, ':reason': reason },
      },
      profileCardUpdate(this.table, order, 'card = :none', {
        ':none': { type: 'NONE', status: 'NONE' },
        ':at': at,
      }),
      audit,
    );
  }

  async markDelivered(batch: CardBatch, key: string, manifest: BatchManifest, now: Date): Promise<void> {
    await this.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.table,
              Key: batchKey(batch.batchId),
              UpdateExpression:
                'SET #status = :delivered, #key = :key, #records = :records, #bytes = :bytes, #sha256 = :sha, #deliveredAt = :at, #expiresAt = :expiresAt',
              ExpressionAttributeNames: {
                '#status': 'status',
                '#key': 'key',
                '#bytes': 'bytes',
                '#records': 'records',
                '#sha256': 'sha256',
                '#deliveredAt': 'deliveredAt',
                '#expiresAt': 'expiresAt',
              },
              ExpressionAttributeValues: {
                ':delivered': 'delivered',
                ':key': key,
                ':records': manifest.records,
                ':bytes': manifest.bytes,
                ':sha': manifest.sha256,
                ':at': now.toISOString(),
                // A delivered batch's record names no one; it is kept as long as the job reports.
                ':expiresAt': epochSecondsAfterMonths(now, config.retention.reportMonths),
              },
            },
          },
          {
            Delete: {
              TableName: this.table,
              Key: OPEN,
              ConditionExpression: 'batchId = :batchId',
              ExpressionAttributeValues: { ':batchId': batch.batchId },
            },
          },
        ],
      }),
    );
  }

  async orderInBatch(batchId: string, sequence: number): Promise<StoredCardOrder | undefined> {
    const index = batchOrderIndex(batchId, sequence);
    const { Items = [] } = await this.send<{ Items?: Record<string, unknown>[] }>(
      new QueryCommand({
        TableName: this.table,
        IndexName: TABLE_SCHEMA.gsi1.indexName,
        KeyConditionExpression: 'gsi1pk = :batch AND gsi1sk = :sequence',
        ExpressionAttributeValues: { ':batch': index.gsi1pk, ':sequence': index.gsi1sk },
      }),
    );
    return Items[0] && orderOf(Items[0]);
  }

  async applyAck(effect: AckEffect): Promise<AckOutcome> {
    const refused = await writeWithAuditEntry(
      this.db,
      this.table,
      effect.audit,
      ackItems(this.table, effect),
    );
    if (!refused) return 'applied';
    const [orderRefused, memberRefused] = refused;
    if (orderRefused?.failed) return 'already-applied';
    if (memberRefused?.failed) return 'member-changed';
    throw new Error('acknowledgement refused for no known reason');
  }
}
