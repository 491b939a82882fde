import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { isMainGroup, type MainGroup } from '../purchases/main-groups.ts';
import { queryPages, transientAsUnavailable } from './dynamo.ts';
import { monthOfPurchaseKey, purchaseMonthKey, purchaseMonthRange } from './keys.ts';
import type { CountOutcome, MonthTotals, PurchaseStore, ReceiptCount } from './purchase-store.ts';

/**
 * Each group is a top-level number attribute, because ADD works only on top-level attributes; the
 * counted receipts are a string set of short tags, which keeps a month of 60 receipts under 2 KB.
 */
export const GROUP_PREFIX = 'group_';
type Item = Record<string, unknown>;

export function totalsOf(month: string, item: Item): MonthTotals {
  const groups: MonthTotals['groups'] = {};
  for (const [name, value] of Object.entries(item)) {
    const code = name.slice(GROUP_PREFIX.length);
    if (name.startsWith(GROUP_PREFIX) && isMainGroup(code)) groups[code] = Number(value);
  }
  return { month, groups, receipts: Number(item.receipts ?? 0) };
}

const touched = (totals: MonthTotals, deltas: ReceiptCount['deltas']): MonthTotals => ({
  ...totals,
  groups: Object.fromEntries(Object.keys(deltas).map((g) => [g, totals.groups[g as MainGroup] ?? 0])),
});

export class DynamoPurchaseStore implements PurchaseStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async count(receipt: ReceiptCount, createMonth: boolean): Promise<CountOutcome> {
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
      ':type': 'purchases',
    };
    const adds = ['#receipts :one', '#tags :tags'];
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
    try {
      const { Attributes = {} } = await transientAsUnavailable(() =>
        this.db.send(
          new UpdateCommand({
            TableName: this.table,
            Key: purchaseMonthKey(receipt.customerNumber, receipt.month),
            UpdateExpression: `ADD ${adds.join(', ')} SET #expiresAt = :expiresAt, #type = :type`,
            ConditionExpression: conditions.join(' AND '),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'UPDATED_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        ),
      );
      return { outcome: 'counted', totals: touched(totalsOf(receipt.month, Attributes), receipt.deltas) };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return this.whyRefused(receipt, error.Item ? unmarshall(error.Item) : undefined, createMonth);
    }
  }

  private whyRefused(receipt: ReceiptCount, old: Item | undefined, createMonth: boolean): CountOutcome {
    // A month that may be created can only refuse a return: there is nothing yet to return against.
    if (!old && !createMonth) return { outcome: 'month-missing' };
    const totals = totalsOf(receipt.month, old ?? {});
    if ((old?.receiptTags as Set<string> | undefined)?.has(receipt.tag)) {
      return { outcome: 'duplicate', totals: touched(totals, receipt.deltas) };
    }
    const short = Object.entries(receipt.deltas).find(
      ([g, cents]) => cents < 0 && (totals.groups[g as MainGroup] ?? 0) < -cents,
    );
    if (short) return { outcome: 'return-exceeds', group: short[0] as MainGroup };
    throw new Error('purchase month refused for no known reason');
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
