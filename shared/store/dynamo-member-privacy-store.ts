import {
  paginateScan,
  PutCommand,
  TransactWriteCommand,
  GetCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { Member } from '../members/member.ts';
import { monthExpiry } from '../purchases/receipt.ts';
import { inParallel } from '../concurrency.ts';
import { deleteAll, queryPages, transientAsUnavailable, withoutStorage } from './dynamo.ts';
import { DynamoMemberStore, memberOf } from './dynamo-member-store.ts';
import { GROUP_PREFIX, totalsOf } from './dynamo-purchase-store.ts';
import {
  anonymousPurchasesKey,
  erasureDueIndex,
  memberKey,
  memberPartitions,
  monthOfPurchaseKey,
} from './keys.ts';
import type { ErasurePlan, MemberPrivacyStore, StoredItem, Tombstone } from './member-store.ts';
import type { MonthTotals } from './purchase-store.ts';
import { TABLE_SCHEMA } from './table.ts';

/**
 * The member store with what export, erasure and retention need. A module of its own: everyday
 * functions (reads, corrections, the tills) carry none of it in their bundles.
 */
export class DynamoMemberPrivacyStore extends DynamoMemberStore implements MemberPrivacyStore {
  async tombstone(customerNumber: string): Promise<Tombstone | undefined> {
    const { Item } = await transientAsUnavailable(() =>
      this.db.send(
        new GetCommand({ TableName: this.table, Key: memberKey(customerNumber), ConsistentRead: true }),
      ),
    );
    return Item?.type === 'erased' ? withoutStorage<Tombstone>(Item) : undefined;
  }

  async memberItems(customerNumber: string): Promise<StoredItem[]> {
    const partitions = memberPartitions(customerNumber);
    const found: StoredItem[] = [];
    const queries: QueryCommandInput[] = [
      {
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': partitions.member },
      },
      {
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': partitions.audit },
      },
      {
        TableName: this.table,
        IndexName: TABLE_SCHEMA.gsi1.indexName,
        KeyConditionExpression: 'gsi1pk = :refs',
        ExpressionAttributeValues: { ':refs': partitions.refs },
      },
    ];
    for (const query of queries) {
      for await (const page of queryPages(this.db, query)) {
        for (const item of page.Items ?? []) {
          const key = { pk: String(item.pk), sk: String(item.sk) };
          const data =
            item.type === 'purchases'
              ? { ...totalsOf(monthOfPurchaseKey(key.sk), item) }
              : item.type === 'member'
                ? { ...memberOf(item) }
                : withoutStorage<Record<string, unknown>>(item);
          found.push({ type: String(item.type), key, data });
        }
      }
    }
    return found;
  }

  async erase(member: Member, plan: ErasurePlan, tombstone: Tombstone): Promise<'erased' | 'stale'> {
    const months = plan.anonymise;
    const other = months.find((item) => item.type !== 'purchases');
    if (other) throw new Error(`only purchase months can be made anonymous, not ${other.type}`);
    // Each month moves to the anonymous totals and leaves the member in one transaction: a second run cannot count it twice.
    await inParallel(months, 4, async ({ key, data }) => {
      const totals = data as unknown as MonthTotals;
      const names: Record<string, string> = {
        '#receipts': 'receipts',
        '#members': 'members',
        '#month': 'month',
      };
      const values: Record<string, unknown> = {
        ':receipts': totals.receipts,
        ':one': 1,
        ':month': totals.month,
      };
      const adds = ['#receipts :receipts', '#members :one'];
      Object.entries(totals.groups).forEach(([group, cents], i) => {
        names[`#g${i}`] = GROUP_PREFIX + group;
        values[`:g${i}`] = cents;
        adds.push(`#g${i} :g${i}`);
      });
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: this.table,
                  Key: anonymousPurchasesKey(totals.month),
                  UpdateExpression: `ADD ${adds.join(', ')} SET #month = :month, #type = :type, #expiresAt = :expiresAt`,
                  ExpressionAttributeNames: { ...names, '#type': 'type', '#expiresAt': 'expiresAt' },
                  ExpressionAttributeValues: {
                    ...values,
                    ':type': 'anonymous-purchases',
                    ':expiresAt': monthExpiry(totals.month),
                  },
                },
              },
              { Delete: { TableName: this.table, Key: key, ConditionExpression: 'attribute_exists(pk)' } },
            ],
          }),
        );
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error; // already moved by an earlier run
      }
    });
    await deleteAll(
      this.db,
      this.table,
      plan.delete.map((item) => item.key),
    );
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...memberKey(member.customerNumber), type: 'erased', ...tombstone },
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': member.version },
        }),
      );
      return 'erased';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'stale';
      throw error;
    }
  }

  async *erasureDue(day: string): AsyncIterable<string[]> {
    const index = erasureDueIndex(day, '');
    for await (const page of queryPages(this.db, {
      TableName: this.table,
      IndexName: TABLE_SCHEMA.gsi1.indexName,
      KeyConditionExpression: 'gsi1pk = :due AND gsi1sk <= :day',
      ExpressionAttributeValues: { ':due': index.gsi1pk, ':day': index.gsi1sk + '~' },
    })) {
      const numbers = (page.Items ?? []).map((item) => String(item.customerNumber));
      if (numbers.length > 0) yield numbers;
    }
  }

  async *auditedMembers(): AsyncIterable<string> {
    const seen = new Set<string>();
    for await (const page of paginateScan(
      { client: this.db },
      {
        TableName: this.table,
        FilterExpression: '#type = :audit',
        ProjectionExpression: 'customerNumber',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':audit': 'audit' },
      },
    )) {
      for (const item of page.Items ?? []) {
        const n = String(item.customerNumber);
        if (!seen.has(n)) {
          seen.add(n);
          yield n;
        }
      }
    }
  }
}
