import { ITEM_TYPES } from '../privacy/item-types.ts';
import {
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { isMainGroup, type MainGroup } from '../purchases/main-groups.ts';
import { stillAMember } from './while-member.ts';
import { conditionalWrite, queryPages, transientAsBusy, type Refused, type TransactItem } from './dynamo.ts';
import {
  buyersIndex,
  lateMonthIndex,
  monthOfPurchaseKey,
  purchaseMonthKey,
  purchaseMonthRange,
  receiptKey,
} from './keys.ts';
import type { CountOutcome, MonthTotals, PurchaseStore, ReceiptCount } from '../purchases/purchase-store.ts';

/**
 * Each group is a top-level number attribute, because ADD works only on top-level attributes; the
 * counted receipts are a string set of short tags, which keeps a month of 60 receipts under 2 KB.
 */
export const GROUP_PREFIX = 'group_';
/** Anonymous totals: how many erased members bought in the group that month. */
export const BUYERS_PREFIX = 'buyers_';

/** A month's group sums as update clauses, `#g0 :g0` to ADD or `#g0 = :g0` to SET, with their names and values. */
export function groupClauses(groups: MonthTotals['groups'], form: 'add' | 'set') {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const clauses = Object.entries(groups).map(([group, cents], i) => {
    names[`#g${i}`] = GROUP_PREFIX + group;
    values[`:g${i}`] = cents;
    return form === 'add' ? `#g${i} :g${i}` : `#g${i} = :g${i}`;
  });
  return { names, values, clauses };
}
/** Attributes to SET (an index's keys, for one), as `#a0 = :a0` clauses under the alias, with their names and values. */
export function setClauses(attributes: Record<string, unknown>, alias: string) {
  const entries = Object.entries(attributes);
  return {
    names: Object.fromEntries(entries.map(([name], i) => [`#${alias}${i}`, name])),
    values: Object.fromEntries(entries.map(([, value], i) => [`:${alias}${i}`, value])),
    clauses: entries.map((_, i) => `#${alias}${i} = :${alias}${i}`),
  };
}
type Item = Record<string, unknown>;

export function totalsOf(month: string, item: Item): MonthTotals {
  const groups: MonthTotals['groups'] = {};
  for (const [name, value] of Object.entries(item)) {
    const code = name.slice(GROUP_PREFIX.length);
    if (name.startsWith(GROUP_PREFIX) && isMainGroup(code)) groups[code] = Number(value);
  }
  return { month, groups, receipts: Number(item.receipts ?? 0) };
}

/**
 * A receipt is counted by one TransactWriteItems: the receipt's identity item (store + receipt id,
 * globally once) and the month's totals move together, and a month is created only while the member
 * is a member (not being erased). A transaction returns no values, so the answer carries no totals.
 */
export class DynamoPurchaseStore implements PurchaseStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async count(receipt: ReceiptCount, createMonth: boolean): Promise<CountOutcome> {
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.table,
          Item: {
            ...receiptKey(receipt.tag),
            type: ITEM_TYPES.receipt,
            customerNumber: receipt.customerNumber,
            month: receipt.month,
            expiresAt: receipt.expiresAt,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      {
        Update: { ...this.monthUpdate(receipt, createMonth), ReturnValuesOnConditionCheckFailure: 'ALL_OLD' },
      },
    ];
    if (createMonth) {
      items.push(stillAMember(this.table, receipt.customerNumber));
    }
    const refused = await conditionalWrite(this.db, new TransactWriteCommand({ TransactItems: items }));
    return refused ? this.whyRefused(receipt, refused, createMonth) : { outcome: 'counted' };
  }

  private monthUpdate(receipt: ReceiptCount, createMonth: boolean) {
    const names: Record<string, string> = {
      '#tags': 'receiptTags',
      '#receipts': 'receipts',
      '#expiresAt': 'expiresAt',
      '#type': 'type',
    };
    const values: Record<string, unknown> = {
      ':tag': receipt.tag,
      ':tags': new Set([receipt.tag]),
      ':one': 1,
      ':expiresAt': receipt.expiresAt,
      ':type': ITEM_TYPES.purchases,
    };
    const adds = ['#receipts :one', '#tags :tags'];
    const sets = ['#expiresAt = :expiresAt', '#type = :type'];
    const setting = (attributes: Record<string, unknown>, alias: string) => {
      const clauses = setClauses(attributes, alias);
      Object.assign(names, clauses.names);
      Object.assign(values, clauses.values);
      sets.push(...clauses.clauses);
    };
    // A month made now joins its buyers' index (keys only: later receipts do not write it again).
    if (createMonth) setting(buyersIndex(receipt.month, receipt.customerNumber), 'b');
    // A change after the month closed: its statement may be written, so the next one carries the difference.
    if (receipt.late) {
      adds.push('lateChanges :one');
      setting(lateMonthIndex(receipt.customerNumber, receipt.month), 'l');
    }
    // The month's own set keeps a receipt out while an erasure has taken its identity item but not yet the month.
    const conditions = [createMonth ? '' : 'attribute_exists(pk)', 'NOT contains(#tags, :tag)'].filter(
      Boolean,
    );
    Object.entries(receipt.deltas).forEach(([group, cents], i) => {
      names[`#g${i}`] = GROUP_PREFIX + group;
      values[`:d${i}`] = cents;
      adds.push(`#g${i} :d${i}`);
      // A return may take a group down to zero at most: only what this month's purchases allow.
      if (cents < 0) {
        values[`:need${i}`] = -cents;
        conditions.push(`#g${i} >= :need${i}`);
      }
    });
    return {
      TableName: this.table,
      Key: purchaseMonthKey(receipt.customerNumber, receipt.month),
      UpdateExpression: `ADD ${adds.join(', ')} SET ${sets.join(', ')}`,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    };
  }

  private whyRefused(receipt: ReceiptCount, refused: Refused, createMonth: boolean): CountOutcome {
    const [identity, month, member] = refused;
    if (identity?.failed) {
      const first = identity.item;
      const same = first?.customerNumber === receipt.customerNumber && first?.month === receipt.month;
      return { outcome: same ? 'duplicate' : 'conflict' };
    }
    if (member?.failed) return { outcome: 'no-member' };
    if (month?.failed) {
      const old = month.item;
      // A month that may be created can only refuse a return: there is nothing yet to return against.
      if (!old && !createMonth) return { outcome: 'month-missing' };
      if ((old?.receiptTags as Set<string> | undefined)?.has(receipt.tag)) return { outcome: 'duplicate' };
      const totals = totalsOf(receipt.month, old ?? {});
      const short = Object.entries(receipt.deltas).find(
        ([g, cents]) => cents < 0 && (totals.groups[g as MainGroup] ?? 0) < -cents,
      );
      if (short) return { outcome: 'return-exceeds', group: short[0] as MainGroup };
    }
    throw new Error('receipt refused for no known reason');
  }

  async joinBuyers(customerNumber: string, month: string, dryRun = false): Promise<boolean> {
    const key = purchaseMonthKey(customerNumber, month);
    const index = setClauses(buyersIndex(month, customerNumber), 'b');
    // The index's partition key tells whether the month is on it.
    const [indexAlias, indexName] = Object.entries(index.names)[0]!;
    if (dryRun) {
      const { Item } = await transientAsBusy(() =>
        this.db.send(
          new GetCommand({
            TableName: this.table,
            Key: key,
            ProjectionExpression: `pk, ${indexAlias}`,
            ExpressionAttributeNames: { [indexAlias]: indexName },
          }),
        ),
      );
      return Item !== undefined && Item[indexName] === undefined;
    }
    const refused = await conditionalWrite(
      this.db,
      new UpdateCommand({
        TableName: this.table,
        Key: key,
        UpdateExpression: `SET ${index.clauses.join(', ')}`,
        // Only a month there is and not yet on the index: a second run writes nothing.
        ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(${indexAlias})`,
        ExpressionAttributeNames: index.names,
        ExpressionAttributeValues: index.values,
      }),
    );
    return !refused;
  }

  async months(customerNumber: string, from: string, to: string): Promise<MonthTotals[]> {
    const range = purchaseMonthRange(customerNumber, from, to);
    const months: MonthTotals[] = [];
    for await (const page of queryPages(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': range.pk, ':from': range.skFrom, ':to': range.skTo },
    })) {
      for (const item of page.Items ?? []) months.push(totalsOf(monthOfPurchaseKey(String(item.sk)), item));
    }
    return months;
  }
}
