import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Payout, PayoutLine, PayoutStore, UnpaidMember } from '../benefits/payout-store.ts';
import type { PayoutAckStatus } from '../benefits/payout-file.ts';
import type { Statement } from '../benefits/statement.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import {
  conditionalWrite,
  getAll,
  queryPages,
  transientAsBusy,
  withoutStorage,
  type TransactItem,
} from './dynamo.ts';
import { memberOf } from './dynamo-member-reader.ts';
import { statementExpiry } from './dynamo-statements.ts';
import { workItemRecord } from './dynamo-work-queue-store.ts';
import { memberKey, payoutKey, payoutLineKey, payoutLinesIndex, statementKey, unpaidIndex } from './keys.ts';
import { TABLE_SCHEMA } from './table.ts';
import { stillAMember } from './while-member.ts';

const UNPAID_ATTRIBUTES = 'gsi2pk, gsi2sk';

/** The benefit payouts: their records, their lines in members' partitions, and the statements they pay. */
export class DynamoPayouts implements PayoutStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async payouts(month: string): Promise<Payout[]> {
    const { pk, sk } = payoutKey(`BP-${month.replace('-', '')}-`);
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
    return Items.map((item) => withoutStorage<Payout>(item)).sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    );
  }

  async open(payout: Payout): Promise<boolean> {
    const refused = await conditionalWrite(
      this.db,
      new PutCommand({
        TableName: this.table,
        Item: { ...payoutKey(payout.payoutId), type: ITEM_TYPES.payout, ...payout },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return !refused;
  }

  async *unpaid(pageSize: number): AsyncIterable<UnpaidMember[]> {
    // A member's statements may straddle two pages: the last member of a page waits for the next.
    let waiting: { customerNumber: string; months: string[] } | undefined;
    for await (const page of queryPages(this.db, {
      TableName: this.table,
      IndexName: TABLE_SCHEMA.gsi2.indexName,
      KeyConditionExpression: 'gsi2pk = :unpaid',
      ExpressionAttributeValues: { ':unpaid': unpaidIndex('', '').gsi2pk },
      ProjectionExpression: 'gsi2sk',
      Limit: pageSize,
    })) {
      const members: { customerNumber: string; months: string[] }[] = waiting ? [waiting] : [];
      for (const item of page.Items ?? []) {
        const [customerNumber, month] = String(item.gsi2sk).split('#') as [string, string];
        const last = members.at(-1);
        if (last?.customerNumber === customerNumber) last.months.push(month);
        else members.push({ customerNumber, months: [month] });
      }
      waiting = page.LastEvaluatedKey ? members.pop() : undefined;
      if (members.length > 0) yield this.withStatements(members);
    }
    if (waiting) yield this.withStatements([waiting]);
  }

  private async withStatements(
    members: { customerNumber: string; months: string[] }[],
  ): Promise<UnpaidMember[]> {
    const items = await getAll(
      this.db,
      this.table,
      members.flatMap((m) => [
        memberKey(m.customerNumber),
        ...m.months.map((month) => statementKey(m.customerNumber, month)),
      ]),
      true,
    );
    const byKey = new Map(items.map((item) => [`${item.pk} ${item.sk}`, item]));
    return members.map((m) => {
      const profile = byKey.get(`${memberKey(m.customerNumber).pk} ${memberKey(m.customerNumber).sk}`);
      const statements = m.months.flatMap((month) => {
        const key = statementKey(m.customerNumber, month);
        const item = byKey.get(`${key.pk} ${key.sk}`);
        return item ? [withoutStorage<Statement>(item)] : [];
      });
      return {
        customerNumber: m.customerNumber,
        ...(profile?.type === ITEM_TYPES.member ? { card: memberOf(profile).card } : {}),
        statements: statements
          .filter((s) => s.payment.status === 'unpaid')
          .sort((a, b) => a.month.localeCompare(b.month)),
      };
    });
  }

  private statementUpdate(
    statement: Pick<Statement, 'customerNumber' | 'month'>,
    payment: Statement['payment'],
    from: { status: string; payoutId?: string },
    unpaid: boolean,
  ): TransactItem {
    return {
      Update: {
        TableName: this.table,
        Key: statementKey(statement.customerNumber, statement.month),
        UpdateExpression: unpaid
          ? 'SET payment = :payment, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk'
          : `SET payment = :payment REMOVE ${UNPAID_ATTRIBUTES}`,
        ConditionExpression: from.payoutId
          ? 'payment.#status = :from AND payment.payoutId = :payoutId'
          : 'payment.#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':payment': payment,
          ':from': from.status,
          ...(from.payoutId ? { ':payoutId': from.payoutId } : {}),
          ...(unpaid
            ? {
                ':gsi2pk': unpaidIndex(statement.customerNumber, statement.month).gsi2pk,
                ':gsi2sk': unpaidIndex(statement.customerNumber, statement.month).gsi2sk,
              }
            : {}),
        },
      },
    };
  }

  async lapse(statements: readonly Statement[], at: string): Promise<void> {
    for (const statement of statements) {
      const { Update } = this.statementUpdate(
        statement,
        { status: 'lapsed', at },
        { status: 'unpaid' },
        false,
      );
      await conditionalWrite(this.db, new UpdateCommand(Update!));
    }
  }

  async claim(line: PayoutLine, statements: readonly Statement[]): Promise<'claimed' | 'changed' | 'gone'> {
    const refused = await conditionalWrite(
      this.db,
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.table,
              Item: {
                ...payoutLineKey(line.customerNumber, line.payoutId),
                ...payoutLinesIndex(line.payoutId, line.customerNumber),
                type: ITEM_TYPES.payoutLine,
                ...line,
                expiresAt: statementExpiry(line.month),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          // Paid only while a member: an erasure that began meanwhile takes the statements with it.
          stillAMember(this.table, line.customerNumber),
          ...statements.map((statement) =>
            this.statementUpdate(
              statement,
              { status: 'in-payout', payoutId: line.payoutId, at: line.claimedAt },
              { status: 'unpaid' },
              false,
            ),
          ),
        ],
      }),
    );
    if (!refused) return 'claimed';
    return refused[1]?.failed ? 'gone' : 'changed';
  }

  async *lines(payoutId: string): AsyncIterable<PayoutLine> {
    for await (const page of queryPages(this.db, {
      TableName: this.table,
      IndexName: TABLE_SCHEMA.gsi1.indexName,
      KeyConditionExpression: 'gsi1pk = :payout',
      ExpressionAttributeValues: { ':payout': payoutLinesIndex(payoutId, '').gsi1pk },
    }))
      for (const item of page.Items ?? []) yield withoutStorage<PayoutLine>(item);
  }

  async delivered(payout: Payout): Promise<void> {
    await transientAsBusy(() =>
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...payoutKey(payout.payoutId), type: ITEM_TYPES.payout, ...payout },
        }),
      ),
    );
  }

  async drop(payout: Payout): Promise<void> {
    await conditionalWrite(
      this.db,
      new DeleteCommand({
        TableName: this.table,
        Key: payoutKey(payout.payoutId),
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':open': 'open' },
      }),
    );
  }

  async line(payoutId: string, customerNumber: string): Promise<PayoutLine | undefined> {
    const { Item } = await transientAsBusy(() =>
      this.db.send(
        new GetCommand({
          TableName: this.table,
          Key: payoutLineKey(customerNumber, payoutId),
          ConsistentRead: true,
        }),
      ),
    );
    return Item && withoutStorage<PayoutLine>(Item);
  }

  async release(payoutId: string, customerNumber: string): Promise<void> {
    const line = await this.line(payoutId, customerNumber);
    for (const month of line?.pays ?? []) {
      await conditionalWrite(
        this.db,
        new UpdateCommand({
          TableName: this.table,
          Key: statementKey(customerNumber, month),
          UpdateExpression: 'REMOVE payment.heldBy',
          ConditionExpression: 'payment.heldBy = :payoutId',
          ExpressionAttributeValues: { ':payoutId': payoutId },
        }),
      );
    }
  }

  async answer(line: PayoutLine, status: PayoutAckStatus, reason: string, at: string): Promise<boolean> {
    const credited = status === 'CREDITED';
    const refused = await conditionalWrite(
      this.db,
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.table,
              Key: payoutLineKey(line.customerNumber, line.payoutId),
              UpdateExpression: 'SET #status = :answer, answeredAt = :at, reason = :reason',
              ConditionExpression: '#status = :sent',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':answer': credited ? 'credited' : 'rejected',
                ':at': at,
                ':reason': reason,
                ':sent': 'sent',
              },
            },
          },
          ...line.pays.map((month) =>
            this.statementUpdate(
              { customerNumber: line.customerNumber, month },
              credited
                ? { status: 'paid', payoutId: line.payoutId, at }
                : { status: 'unpaid', heldBy: line.payoutId },
              { status: 'in-payout', payoutId: line.payoutId },
              !credited,
            ),
          ),
          ...(credited
            ? []
            : [
                {
                  Put: {
                    TableName: this.table,
                    Item: workItemRecord({
                      queue: 'payout-rejected',
                      customerNumber: line.customerNumber,
                      since: at,
                      ref: line.payoutId,
                      reason,
                    }),
                  },
                },
              ]),
        ],
      }),
    );
    return !refused;
  }
}
