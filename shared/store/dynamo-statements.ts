import { PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.ts';
import type { LateMonth, Statement } from '../benefits/statement.ts';
import type { Buyer, SegmentProgress, StatementStore } from '../benefits/statement-store.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { conditionalWrite, getAll, queryPages, transientAsBusy, withoutStorage } from './dynamo.ts';
import { totalsOf } from './dynamo-purchase-store.ts';
import {
  buyersIndex,
  jobKey,
  LATE_MONTH_ATTRIBUTES,
  lateMonthIndex,
  purchaseMonthKey,
  statementKey,
  unpaidIndex,
} from './keys.ts';
import { TABLE_SCHEMA } from './table.ts';
import { putWhileMembers } from './while-member.ts';

/** A statement is a voucher: kept the bookkeeping years from the end of the year after its month (when it is paid at the latest). */
export const statementExpiry = (month: string) =>
  Math.floor(Date.UTC(Number(month.slice(0, 4)) + 2 + config.retention.bookkeepingYears, 0, 1) / 1000);

/** A statement as stored: on the unpaid index while its money waits. */
export const statementItem = (statement: Statement) => ({
  ...statementKey(statement.customerNumber, statement.month),
  ...(statement.payment.status === 'unpaid' ? unpaidIndex(statement.customerNumber, statement.month) : {}),
  type: ITEM_TYPES.statement,
  ...statement,
  expiresAt: statementExpiry(statement.month),
});

const progressKey = (month: string, segment = '') => jobKey('benefits', `STATEMENTS#${month}#${segment}`);

export class DynamoStatements implements StatementStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async *buyers(
    month: string,
    segment: string,
    after: string | undefined,
    pageSize: number,
  ): AsyncIterable<Buyer[]> {
    const index = buyersIndex(month, '');
    for await (const page of queryPages(this.db, {
      TableName: this.table,
      IndexName: TABLE_SCHEMA.gsi3.indexName,
      // A customer number is ten digits: one just after `after` sorts after it and before the next number.
      KeyConditionExpression: 'gsi3pk = :month AND gsi3sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':month': index.gsi3pk,
        ':from': after ? `${after} ` : segment,
        ':to': `${segment}~`,
      },
      ProjectionExpression: 'gsi3sk',
      Limit: pageSize,
    })) {
      const numbers = (page.Items ?? []).map((item) => String(item.gsi3sk));
      if (numbers.length === 0) continue;
      const months = await getAll(
        this.db,
        this.table,
        numbers.map((n) => purchaseMonthKey(n, month)),
        false,
      );
      const byMember = new Map(months.map((item) => [String(item.pk), item]));
      yield numbers.flatMap((n) => {
        const item = byMember.get(purchaseMonthKey(n, month).pk);
        return item ? [{ customerNumber: n, groups: totalsOf(month, item).groups }] : [];
      });
    }
  }

  async lateMonths(): Promise<LateMonth[]> {
    const keys: { customerNumber: string; month: string }[] = [];
    for await (const page of queryPages(this.db, {
      TableName: this.table,
      IndexName: TABLE_SCHEMA.gsi4.indexName,
      KeyConditionExpression: 'gsi4pk = :late',
      ExpressionAttributeValues: { ':late': lateMonthIndex('', '').gsi4pk },
      ProjectionExpression: 'gsi4sk',
    })) {
      for (const item of page.Items ?? []) {
        const [customerNumber, month] = String(item.gsi4sk).split('#') as [string, string];
        keys.push({ customerNumber, month });
      }
    }
    const items = await getAll(
      this.db,
      this.table,
      keys.map((k) => purchaseMonthKey(k.customerNumber, k.month)),
      true,
    );
    return keys.flatMap(({ customerNumber, month }) => {
      const item = items.find(
        (i) =>
          i.pk === purchaseMonthKey(customerNumber, month).pk &&
          i.sk === purchaseMonthKey(customerNumber, month).sk,
      );
      if (!item) return [];
      return [
        {
          customerNumber,
          month,
          groups: totalsOf(month, item).groups,
          lateChanges: Number(item.lateChanges ?? 0),
          ...(item.statedBenefitCents !== undefined ? { statedCents: Number(item.statedBenefitCents) } : {}),
        },
      ];
    });
  }

  async statements(keys: readonly { customerNumber: string; month: string }[]): Promise<Statement[]> {
    const items = await getAll(
      this.db,
      this.table,
      keys.map((k) => statementKey(k.customerNumber, k.month)),
      true,
    );
    return items.map((item) => withoutStorage<Statement>(item));
  }

  async write(statements: readonly Statement[]) {
    const { written, existing, gone } = await putWhileMembers(
      this.db,
      this.table,
      statements.map((statement) => ({
        customerNumber: statement.customerNumber,
        item: statementItem(statement),
      })),
      { onlyNew: true },
    );
    return {
      written: written.size,
      existing: existing.map((item) => withoutStorage<Statement>(item)),
      gone: [...gone],
    };
  }

  async settle(late: LateMonth, statedCents: number): Promise<void> {
    // Refused when another late change came meanwhile: the month stays on the index for the next statement.
    await conditionalWrite(
      this.db,
      new UpdateCommand({
        TableName: this.table,
        Key: purchaseMonthKey(late.customerNumber, late.month),
        UpdateExpression: `SET statedBenefitCents = :stated REMOVE ${LATE_MONTH_ATTRIBUTES.join(', ')}`,
        ConditionExpression: 'lateChanges = :seen',
        ExpressionAttributeValues: { ':stated': statedCents, ':seen': late.lateChanges },
      }),
    );
  }

  async progress(month: string): Promise<SegmentProgress[]> {
    const { pk, sk } = progressKey(month);
    const { Items = [] } = await transientAsBusy(() =>
      this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :month)',
          ExpressionAttributeValues: { ':pk': pk, ':month': sk },
          ConsistentRead: true,
        }),
      ),
    );
    return Items.map((item) => withoutStorage<SegmentProgress>(item));
  }

  async saveProgress(progress: SegmentProgress): Promise<void> {
    await transientAsBusy(() =>
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...progressKey(progress.month, progress.segment),
            type: ITEM_TYPES.statementsProgress,
            ...progress,
            expiresAt: Math.floor(Date.parse(progress.startedAt) / 1000) + 400 * 24 * 3600,
          },
        }),
      ),
    );
  }
}
