import { ITEM_TYPES } from '../privacy/item-types.ts';
import {
  PutCommand,
  TransactWriteCommand,
  GetCommand,
  UpdateCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Member } from '../members/member.ts';
import { monthExpiry } from '../purchases/receipt.ts';
import { inParallel } from '../concurrency.ts';
import {
  conditionalWrite,
  deleteAll,
  queryPages,
  scanPages,
  transientAsBusy,
  withoutStorage,
} from './dynamo.ts';
import { DynamoMemberStore } from './dynamo-member-store.ts';
import { memberOf } from './dynamo-member-reader.ts';
import { BUYERS_PREFIX, groupClauses, totalsOf } from './dynamo-purchase-store.ts';
import type { MainGroup } from '../purchases/main-groups.ts';
import {
  anonymousBenefitsKey,
  anonymousPurchasesKey,
  cardKey,
  accountKey,
  emailKey,
  legacyKey,
  erasureDueIndex,
  NAME_SEARCH_ATTRIBUTES,
  memberKey,
  memberPartitions,
  mobileKey,
  monthOfPurchaseKey,
  receiptKey,
  type ItemKey,
} from './keys.ts';
import type {
  ErasurePlan,
  ErasureState,
  MemberPrivacyStore,
  StoredItem,
  Tombstone,
} from '../privacy/privacy-store.ts';
import { TABLE_SCHEMA } from './table.ts';
import type { Statement } from '../benefits/statement.ts';
import { statementExpiry } from './dynamo-statements.ts';

/**
 * The member store with what export, erasure and retention need. A module of its own: everyday
 * functions (reads, corrections, the tills) carry none of it in their bundles.
 */
export class DynamoMemberPrivacyStore extends DynamoMemberStore implements MemberPrivacyStore {
  async erasureState(customerNumber: string): Promise<ErasureState | undefined> {
    const { Item } = await transientAsBusy(() =>
      this.db.send(
        new GetCommand({ TableName: this.table, Key: memberKey(customerNumber), ConsistentRead: true }),
      ),
    );
    switch (Item?.type) {
      case ITEM_TYPES.member:
        return { state: 'member', member: memberOf(Item) };
      case ITEM_TYPES.erasing:
        return { state: 'erasing', member: memberOf(Item) };
      case ITEM_TYPES.erased:
        return { state: 'erased', tombstone: withoutStorage<Tombstone>(Item) };
      default:
        return undefined;
    }
  }

  async beginErasure(member: Member, at: string): Promise<boolean> {
    const refused = await conditionalWrite(
      this.db,
      new UpdateCommand({
        TableName: this.table,
        Key: memberKey(member.customerNumber),
        // Out of the name search at once: a member being erased is found by no one.
        UpdateExpression: `SET #type = :erasing, erasingSince = :at REMOVE ${NAME_SEARCH_ATTRIBUTES.join(', ')}`,
        ConditionExpression: '#type = :member AND #version = :expected',
        ExpressionAttributeNames: { '#type': 'type', '#version': 'version' },
        ExpressionAttributeValues: {
          ':erasing': ITEM_TYPES.erasing,
          ':member': ITEM_TYPES.member,
          ':expected': member.version,
          ':at': at,
        },
      }),
    );
    return !refused;
  }

  async memberItems(customerNumber: string): Promise<StoredItem[]> {
    const partitions = memberPartitions(customerNumber);
    const found: StoredItem[] = [];
    const queries: QueryCommandInput[] = [
      {
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': partitions.member },
        ConsistentRead: true,
      },
      {
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': partitions.audit },
        ConsistentRead: true,
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
          // A profile being erased is still the member's profile, to be made the tombstone.
          const type = item.type === ITEM_TYPES.erasing ? ITEM_TYPES.member : String(item.type);
          const data =
            type === ITEM_TYPES.purchases
              ? { ...totalsOf(monthOfPurchaseKey(key.sk), item) }
              : type === ITEM_TYPES.member
                ? { ...memberOf(item) }
                : withoutStorage<Record<string, unknown>>(item);
          found.push({ type, key, data });
          // A month lists its receipts' identities, which live outside the member's partitions.
          for (const tag of type === ITEM_TYPES.purchases
            ? ((item.receiptTags as Set<string> | undefined) ?? [])
            : []) {
            found.push({
              type: ITEM_TYPES.receipt,
              key: receiptKey(tag),
              data: { customerNumber, month: data.month },
            });
          }
        }
      }
    }
    return found;
  }

  async erase(member: Member, plan: ErasurePlan, tombstone: Tombstone): Promise<Tombstone> {
    const anonymise = {
      [ITEM_TYPES.purchases]: this.anonymiseMonth,
      [ITEM_TYPES.statement]: this.anonymiseStatement,
    };
    const other = plan.anonymise.find((item) => !Object.hasOwn(anonymise, item.type));
    if (other) throw new Error(`${other.type} cannot be made anonymous`);
    await inParallel(plan.anonymise, 4, ({ type, key }) =>
      anonymise[type as keyof typeof anonymise].call(this, key),
    );
    // The uniqueness keys the profile names are the member's own (they move together in one
    // transaction): deleted by name too, as the index that lists them is only eventually consistent.
    const named = [
      member.email && emailKey(member.email),
      member.mobile && mobileKey(member.mobile),
      member.account && accountKey(member.account),
      member.legacyNumber && legacyKey(member.legacyNumber),
      member.card.type === 'CASH_CARD' && member.card.cardNumber && cardKey(member.card.cardNumber),
    ];
    const keys = new Map<string, ItemKey>();
    for (const key of [...plan.delete.map((item) => item.key), ...named]) {
      if (key) keys.set(`${key.pk}\n${key.sk}`, key);
    }
    await deleteAll(this.db, this.table, [...keys.values()]);
    // Refused only when another run of the same erasure finished first: its tombstone stands.
    const refused = await conditionalWrite(
      this.db,
      new PutCommand({
        TableName: this.table,
        Item: { ...memberKey(member.customerNumber), type: ITEM_TYPES.erased, ...tombstone },
        ConditionExpression: '#type = :erasing',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':erasing': ITEM_TYPES.erasing },
      }),
    );
    if (!refused) return tombstone;
    const stands = await this.erasureState(member.customerNumber);
    return stands?.state === 'erased' ? stands.tombstone : tombstone;
  }

  /**
   * Moves a purchase month into the anonymous totals of its month and out of the member, in one
   * transaction that holds only while the month is as read: a receipt counted meanwhile (the month
   * still existed) makes it read again, so no receipt is lost or counted twice. The receipts'
   * identities go first; the month's own set of receipts keeps a resent receipt out meanwhile.
   */
  private async anonymiseMonth(key: ItemKey): Promise<void> {
    for (;;) {
      const { Item } = await transientAsBusy(() =>
        this.db.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true })),
      );
      if (!Item) return; // moved by an earlier run
      const totals = totalsOf(monthOfPurchaseKey(key.sk), Item);
      const tags = [...((Item.receiptTags as Set<string> | undefined) ?? [])];
      await deleteAll(this.db, this.table, tags.map(receiptKey));
      const groups = groupClauses(totals.groups, 'add');
      // Each group the member bought in has one buyer more: a figure shows only beside four more.
      const bought = Object.keys(totals.groups).filter((group) => totals.groups[group as MainGroup]);
      const buyers = Object.fromEntries(bought.map((group, i) => [`#b${i}`, BUYERS_PREFIX + group]));
      const names = {
        '#receipts': 'receipts',
        '#members': 'members',
        '#month': 'month',
        '#type': 'type',
        '#expiresAt': 'expiresAt',
        ...groups.names,
        ...buyers,
      };
      const values = {
        ':receipts': totals.receipts,
        ':one': 1,
        ':month': totals.month,
        ':type': ITEM_TYPES.anonymousPurchases,
        ':expiresAt': monthExpiry(totals.month),
        ...groups.values,
      };
      const adds = [
        '#receipts :receipts',
        '#members :one',
        ...groups.clauses,
        ...Object.keys(buyers).map((name) => `${name} :one`),
      ];
      const refused = await conditionalWrite(
        this.db,
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: anonymousPurchasesKey(totals.month),
                UpdateExpression: `ADD ${adds.join(', ')} SET #month = :month, #type = :type, #expiresAt = :expiresAt`,
                ExpressionAttributeNames: names,
                ExpressionAttributeValues: values,
              },
            },
            {
              Delete: {
                TableName: this.table,
                Key: key,
                ConditionExpression: '#receipts = :counted',
                ExpressionAttributeNames: { '#receipts': 'receipts' },
                ExpressionAttributeValues: { ':counted': totals.receipts },
              },
            },
          ],
        }),
      );
      if (!refused) return;
    }
  }

  /**
   * Moves a benefit statement into the anonymous benefits of its month (earned, paid, members) and
   * out of the member, in one transaction: the cents stay in the register's figures, no one with them.
   */
  private async anonymiseStatement(key: ItemKey): Promise<void> {
    const { Item } = await transientAsBusy(() =>
      this.db.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true })),
    );
    if (!Item) return; // moved by an earlier run
    const statement = withoutStorage<Statement>(Item);
    await conditionalWrite(
      this.db,
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.table,
              Key: anonymousBenefitsKey(statement.month),
              UpdateExpression:
                'ADD earnedCents :earned, paidCents :paid, members :one SET #month = :month, #type = :type, expiresAt = :expiresAt',
              ExpressionAttributeNames: { '#month': 'month', '#type': 'type' },
              ExpressionAttributeValues: {
                ':earned': statement.benefitCents,
                ':paid': statement.payment.status === 'paid' ? statement.payableCents : 0,
                ':one': 1,
                ':month': statement.month,
                ':type': ITEM_TYPES.anonymousBenefits,
                ':expiresAt': statementExpiry(statement.month),
              },
            },
          },
          { Delete: { TableName: this.table, Key: key, ConditionExpression: 'attribute_exists(pk)' } },
        ],
      }),
    );
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
    for await (const page of scanPages(this.db, {
      TableName: this.table,
      FilterExpression: '#type = :audit',
      ProjectionExpression: 'customerNumber',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':audit': ITEM_TYPES.audit },
    })) {
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
