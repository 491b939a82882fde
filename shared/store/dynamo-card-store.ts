import { ITEM_TYPES } from '../privacy/item-types.ts';
import { config, epochSecondsAfterMonths } from '../config.ts';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchIdOf, type BatchManifest, type BatchRow } from '../cards/batch-file.ts';
import { TABLE_SCHEMA } from './table.ts';
import { stillAMember } from './while-member.ts';
import { conditionalWrite, type Refused, type TransactItem } from './dynamo.ts';
import { chainedAuditPut, withChainedEntry } from './dynamo-audit.ts';
import type { AuditEntry } from '../members/audit-entry.ts';
import {
  batchOrderIndex,
  cardKey,
  memberRefIndex,
  cardOrderKey,
  JOB_ITEM_PREFIX,
  jobKey,
  memberKey,
  pendingCardOrderIndex,
  workItemKey,
  overdueOrderIndex,
} from './keys.ts';
import { overdueFrom } from '../cards/list-batches.ts';
import { workItemRecord } from './dynamo-work-queue-store.ts';
import { PROFILE_REF } from '../queues/work-queue.ts';
import { CARD_NOT_RECEIVED } from '../members/member.ts';
import type { AckEffect, AckOutcome, CardBatch, CardStore, StoredCardOrder } from '../cards/card-store.ts';
import { batchOf, CARD_BATCH_JOB, COUNTER, DynamoCardBatches, orderOf } from './dynamo-card-batches.ts';

const OPEN = jobKey(CARD_BATCH_JOB, 'OPEN');
const batchKey = (batchId: string) => jobKey(CARD_BATCH_JOB, JOB_ITEM_PREFIX.cardBatch + batchId);

/** The profile follows its current order: only while the member has not ordered another card since, nor is being erased. */
const profileCardUpdate = (
  table: string,
  order: StoredCardOrder,
  set: string,
  values: Record<string, unknown>,
  names: Record<string, string> = {},
): TransactItem => ({
  Update: {
    TableName: table,
    Key: memberKey(order.customerNumber),
    UpdateExpression: `SET ${set}, #version = #version + :one, updatedAt = :at`,
    ConditionExpression: 'card.orderedAt = :orderedAt AND #type = :member',
    ExpressionAttributeNames: { '#version': 'version', '#type': 'type', ...names },
    ExpressionAttributeValues: {
      ':one': 1,
      ':orderedAt': order.orderedAt,
      ':member': ITEM_TYPES.member,
      ...values,
    },
  },
});

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
    return this.withAudit(audit, [
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

  /**
   * The items in one transaction with the member's audit entry as the chain's next link: what refused
   * them, if anything did but the entry's place (taken meanwhile: linked again after it).
   */
  private withAudit(audit: AuditEntry, items: TransactItem[]): Promise<Refused | undefined> {
    return withChainedEntry<Refused | undefined>(this.db, this.table, audit.customerNumber, async (head) => {
      const entry = await chainedAuditPut(this.table, audit, head);
      const refused = await conditionalWrite(
        this.db,
        new TransactWriteCommand({
          TransactItems: [...items, { Put: { ...entry, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } }],
        }),
      );
      const onlyTheEntry = refused && refused.slice(0, items.length).every((reason) => !reason.failed);
      return onlyTheEntry
        ? { raced: true, taken: refused[items.length]?.item }
        : { raced: false, value: refused };
    });
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
    const { order, at } = effect;
    const items: TransactItem[] = [
      {
        Update: {
          TableName: this.table,
          Key: cardOrderKey(order.customerNumber, order.orderedAt),
          // Answered: off the overdue queue.
          UpdateExpression: `SET #status = :status, #statusAt = :at${effect.cardNumber ? ', cardNumber = :cardNumber' : ''}${effect.reason ? ', reason = :reason' : ''} REMOVE gsi2pk, gsi2sk ADD appliedAcks :keys`,
          ConditionExpression: 'attribute_exists(pk) AND NOT contains(appliedAcks, :key)',
          ExpressionAttributeNames: { '#status': 'status', '#statusAt': `${effect.status.toLowerCase()}At` },
          ExpressionAttributeValues: {
            ':status': effect.status,
            ':at': at,
            ':key': effect.lineKey,
            ':keys': new Set([effect.lineKey]),
            ...(effect.cardNumber ? { ':cardNumber': effect.cardNumber } : {}),
            ...(effect.reason ? { ':reason': effect.reason } : {}),
          },
        },
      },
    ];
    if (effect.updatesProfile) {
      const set = ['card.#status = :status'];
      const values: Record<string, unknown> = { ':status': effect.status, ':at': at };
      if (effect.cardNumber) {
        set.push('card.cardNumber = :cardNumber');
        values[':cardNumber'] = effect.cardNumber;
      }
      if (effect.addressDoubtful) {
        set.push('flags.addressDoubtful = :true');
        values[':true'] = true;
      }
      items.push(profileCardUpdate(this.table, order, set.join(', '), values, { '#status': 'status' }));
      // The work queues that mirror the card's status and the address flag follow the answer.
      const n = order.customerNumber;
      const returned = CARD_NOT_RECEIVED.has(effect.status);
      items.push(
        returned
          ? {
              Put: {
                TableName: this.table,
                Item: workItemRecord({
                  queue: 'card-returned',
                  customerNumber: n,
                  since: at,
                  ref: PROFILE_REF,
                  reason: effect.status,
                }),
              },
            }
          : { Delete: { TableName: this.table, Key: workItemKey(n, 'card-returned', PROFILE_REF) } },
      );
      if (effect.addressDoubtful)
        items.push({
          Put: {
            TableName: this.table,
            Item: workItemRecord({
              queue: 'address-doubtful',
              customerNumber: n,
              since: at,
              ref: PROFILE_REF,
            }),
          },
        });
    } else {
      // Nothing lands for a member being erased: a card linked now would outlive the erasure.
      items.push(stillAMember(this.table, order.customerNumber));
    }
    if (effect.linkCard) {
      items.push({
        Put: {
          TableName: this.table,
          Item: {
            ...cardKey(effect.linkCard),
            ...memberRefIndex(order.customerNumber, 'card'),
            type: ITEM_TYPES.card,
            customerNumber: order.customerNumber,
            cardType: order.cardType,
            since: at,
          },
        },
      });
    }
    if (effect.unlinkCard && effect.unlinkCard !== effect.linkCard) {
      items.push({ Delete: { TableName: this.table, Key: cardKey(effect.unlinkCard) } });
    }
    const refused = await this.withAudit(effect.audit, items);
    if (!refused) return 'applied';
    const [orderRefused, memberRefused] = refused;
    if (orderRefused?.failed) return 'already-applied';
    if (memberRefused?.failed) return 'member-changed';
    throw new Error('acknowledgement refused for no known reason');
  }
}
