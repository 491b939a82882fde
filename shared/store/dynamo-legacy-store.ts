import {
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { stillAMember } from './while-member.ts';
import type { ImportState, LegacyImportStore, StoredMonth } from '../legacy/import-store.ts';
import { monthKeyOf } from '../legacy/import-store.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import type { MonthTotals } from '../purchases/purchase-store.ts';
import { conditionalWrite, getAll, transientAsBusy, withoutStorage } from './dynamo.ts';
import { groupClauses, setClauses, totalsOf } from './dynamo-purchase-store.ts';
import { buyersIndex, legacyImportKey, legacyKey, legacyNumberOf, purchaseMonthKey } from './keys.ts';

/** What the move-in needs of the table beyond members: its checkpoints, earlier numbers, and months. */
export class DynamoLegacyImportStore implements LegacyImportStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async state(exportId: string): Promise<ImportState | undefined> {
    const { Item } = await transientAsBusy(() =>
      this.db.send(
        new GetCommand({ TableName: this.table, Key: legacyImportKey(exportId), ConsistentRead: true }),
      ),
    );
    return Item ? withoutStorage<ImportState>(Item) : undefined;
  }

  async saveState(state: ImportState): Promise<void> {
    await transientAsBusy(() =>
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...legacyImportKey(state.exportId), type: ITEM_TYPES.legacyImport, ...state },
        }),
      ),
    );
  }

  async movedIn(legacyNumbers: readonly string[]): Promise<Map<string, string>> {
    const keys = [...new Set(legacyNumbers)].map(legacyKey);
    const items = await getAll(this.db, this.table, keys, true);
    return new Map(
      items.map((item) => [
        legacyNumberOf({ pk: String(item.pk), sk: String(item.sk) }),
        String(item.customerNumber),
      ]),
    );
  }

  async months(
    wanted: readonly { customerNumber: string; month: string }[],
  ): Promise<Map<string, StoredMonth>> {
    const byKey = new Map(
      wanted.map(({ customerNumber, month }) => {
        const key = purchaseMonthKey(customerNumber, month);
        return [`${key.pk}\n${key.sk}`, { key, name: monthKeyOf(customerNumber, month), month }];
      }),
    );
    const items = await getAll(
      this.db,
      this.table,
      [...byKey.values()].map(({ key }) => key),
      true,
    );
    return new Map(
      items.map((item) => {
        const { name, month } = byKey.get(`${String(item.pk)}\n${String(item.sk)}`)!;
        return [name, { ...totalsOf(month, item), countedByRegister: item.receiptTags !== undefined }];
      }),
    );
  }

  async putMonth(
    customerNumber: string,
    totals: MonthTotals,
    expiresAt: number,
  ): Promise<'written' | 'counted-by-register' | 'member-gone'> {
    const groups = groupClauses(totals.groups, 'set');
    // On the month's buyers, as a till's first receipt of the month puts it: its statement reads it there.
    const buyers = setClauses(buyersIndex(totals.month, customerNumber), 'b');
    const names = {
      '#receipts': 'receipts',
      '#type': 'type',
      '#expiresAt': 'expiresAt',
      ...buyers.names,
      ...groups.names,
    };
    const values = {
      ':receipts': totals.receipts,
      ':type': ITEM_TYPES.purchases,
      ':expiresAt': expiresAt,
      ...buyers.values,
      ...groups.values,
    };
    const sets = [
      '#receipts = :receipts',
      '#type = :type',
      '#expiresAt = :expiresAt',
      ...buyers.clauses,
      ...groups.clauses,
    ];
    // SET, not ADD: a second run writes the same totals. A month the tills have counted in is left alone.
    // …and only while the member is a member: a month never outlives an erasure that raced the import.
    const refused = await conditionalWrite(
      this.db,
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.table,
              Key: purchaseMonthKey(customerNumber, totals.month),
              UpdateExpression: `SET ${sets.join(', ')}`,
              ConditionExpression: 'attribute_not_exists(receiptTags)',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            },
          },
          stillAMember(this.table, customerNumber),
        ],
      }),
    );
    if (!refused) return 'written';
    return refused[0]?.failed ? 'counted-by-register' : 'member-gone';
  }
}
