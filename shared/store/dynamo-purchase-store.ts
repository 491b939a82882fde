import { ITEM_TYPES } from '../privacy/item-types.ts';
import {
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { isMainGroup, type MainGroup } from '../purchases/main-groups.ts';
import { stillAMember } from './while-member.ts';
import { conditionalWrite, queryPages, transientAsBusy, type TransactItem } from './dynamo.ts';
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

/** Why the month refused the receipt: counted already, no month yet, or a return its purchases do not cover. */
function whyMonthRefused(receipt: ReceiptCount, old: Item | undefined, createMonth: boolean): CountOutcome {
  // A month that may be created can only refuse a return: there is nothing yet to return against.
  if (!old && !createMonth) return { outcome: 'month-missing' };
  if ((old?.receiptTags as Set<string> | undefined)?.has(receipt.tag)) return { outcome: 'duplicate' };
  const totals = totalsOf(receipt.month, old ?? {});
  const short = Object.entries(receipt.deltas).find(
    ([g, cents]) => cents < 0 && (totals.groups[g as MainGroup] ?? 0) < -cents,
  );
  if (short) return { outcome: 'return-exceeds', group: short[0] as MainGroup };
  throw new Error('receipt refused for no known reason');
}

/**
 * A receipt is counted by two single writes, each once: its identity item (store + receipt id, put
 * only where none is, or where this receipt put it before), then its month (only where the month's
 * own set of receipts does not hold it yet). A run that dies between the two leaves an identity that
 * the same receipt sent again completes; a receipt that did not count leaves no identity behind.
 * Only a month's first receipt is one TransactWriteItems, so that no month is created for a member
 * being erased.
 */
export class DynamoPurchaseStore implements PurchaseStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async count(receipt: ReceiptCount, createMonth: boolean): Promise<CountOutcome> {
    if (createMonth) return this.countCreatingMonth(receipt);
    // Refused only where another member's or month's receipt holds the id.
    const identity = await conditionalWrite(this.db, new PutCommand(this.identityPut(receipt)));
    if (identity) return { outcome: 'conflict' };
    const month = await conditionalWrite(
      this.db,
      new UpdateCommand({
        ...this.monthUpdate(receipt, false),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    if (!month) return { outcome: 'counted' };
    const outcome = whyMonthRefused(receipt, month[0]?.item, false);
    // A return too large is not counted: the receipt id is not left taken by it. (No month yet: the
    // month's first receipt's transaction puts the same identity again.)
    if (outcome.outcome === 'return-exceeds') await this.release(receipt);
    return outcome;
  }

  /** The month's first receipt: identity, the month made, and the member still a member, together. */
  private async countCreatingMonth(receipt: ReceiptCount): Promise<CountOutcome> {
    const items: TransactItem[] = [
      { Put: this.identityPut(receipt) },
      { Update: { ...this.monthUpdate(receipt, true), ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
      stillAMember(this.table, receipt.customerNumber),
    ];
    const refused = await conditionalWrite(this.db, new TransactWriteCommand({ TransactItems: items }));
    if (!refused) return { outcome: 'counted' };
    const [identity, month, member] = refused;
    if (identity?.failed) return { outcome: 'conflict' };
    if (!member?.failed && !month?.failed) throw new Error('receipt refused for no known reason');
    const outcome: CountOutcome = member?.failed
      ? { outcome: 'no-member' }
      : whyMonthRefused(receipt, month!.item, true);
    // Not counted: the identity a first try put (before it found no month) is taken back.
    if (outcome.outcome !== 'duplicate') await this.release(receipt);
    return outcome;
  }

  /** The receipt's identity: put where there is none, or where this same receipt put it before. */
  private identityPut(receipt: ReceiptCount) {
    return {
      TableName: this.table,
      Item: {
        ...receiptKey(receipt.tag),
        type: ITEM_TYPES.receipt,
        customerNumber: receipt.customerNumber,
        month: receipt.month,
        expiresAt: receipt.expiresAt,
      },
      ConditionExpression: 'attribute_not_exists(pk) OR (customerNumber = :n AND #month = :m)',
      ExpressionAttributeNames: { '#month': 'month' },
      ExpressionAttributeValues: { ':n': receipt.customerNumber, ':m': receipt.month },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    };
  }

  /**
   * Takes back the identity this receipt put, when it did not count: only while its month does not
   * hold it, so that a copy of the receipt counted meanwhile keeps its identity.
   */
  private async release(receipt: ReceiptCount): Promise<void> {
    await conditionalWrite(
      this.db,
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: this.table,
              Key: receiptKey(receipt.tag),
              ConditionExpression: 'customerNumber = :n AND #month = :m',
              ExpressionAttributeNames: { '#month': 'month' },
              ExpressionAttributeValues: { ':n': receipt.customerNumber, ':m': receipt.month },
            },
          },
          {
            ConditionCheck: {
              TableName: this.table,
              Key: purchaseMonthKey(receipt.customerNumber, receipt.month),
              ConditionExpression: 'attribute_not_exists(pk) OR NOT contains(#tags, :tag)',
              ExpressionAttributeNames: { '#tags': 'receiptTags' },
              ExpressionAttributeValues: { ':tag': receipt.tag },
            },
          },
        ],
      }),
    );
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
