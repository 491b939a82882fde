import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config, epochSecondsAfterMonths } from '../config.ts';
import type {
  MemberSearchStore,
  NameCriteria,
  NameSearchHit,
  NameSearchPage,
  SearchLogEntry,
} from '../members/member-store.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { helsinkiDate } from '../time/helsinki.ts';
import { decodeCursor, encodeCursor, transientAsBusy } from './dynamo.ts';
import { nameSearchRange, searchLogKey } from './keys.ts';
import { NAME_HIT_FIELDS, TABLE_SCHEMA } from './table.ts';

/** The name indexes and the search log. */
export class DynamoMemberSearch implements MemberSearchStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async searchByName(criteria: NameCriteria, pageSize: number, cursor?: string): Promise<NameSearchPage> {
    const range = nameSearchRange(criteria);
    const index = TABLE_SCHEMA[range.index];
    // Only what the chosen index's key cannot say is filtered: a postal code beside a birth date.
    const filtered = range.index === 'gsi3' && criteria.postalCode;
    const members: NameSearchHit[] = [];
    let startKey = cursor
      ? decodeCursor(cursor, {
          partition: [index.partitionKey, range.pk],
          sortKey: [index.sortKey, range.skPrefix],
        })
      : undefined;
    // A filter may leave a read page short: read on, a page's worth at a time, until the page is full.
    do {
      const page = await transientAsBusy(() =>
        this.db.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: index.indexName,
            KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
            ...(filtered ? { FilterExpression: '#postalCode = :postalCode' } : {}),
            ExpressionAttributeNames: {
              '#pk': index.partitionKey,
              '#sk': index.sortKey,
              ...(filtered ? { '#postalCode': 'postalCode' } : {}),
              ...Object.fromEntries(NAME_HIT_FIELDS.map((field, i) => [`#f${i}`, field])),
            },
            ExpressionAttributeValues: {
              ':pk': range.pk,
              ':prefix': range.skPrefix,
              ...(filtered ? { ':postalCode': criteria.postalCode } : {}),
            },
            ProjectionExpression: NAME_HIT_FIELDS.map((_, i) => `#f${i}`).join(', '),
            Limit: pageSize - members.length,
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          }),
        ),
      );
      members.push(...((page.Items ?? []) as NameSearchHit[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey && members.length < pageSize);
    return { members, ...(startKey ? { next: encodeCursor(startKey) } : {}) };
  }

  async logSearch(entry: SearchLogEntry): Promise<void> {
    await transientAsBusy(() =>
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...searchLogKey(helsinkiDate(new Date(entry.at)), entry.at, entry.requestId),
            type: ITEM_TYPES.searchLog,
            ...entry,
            expiresAt: epochSecondsAfterMonths(new Date(entry.at), config.retention.auditMonths),
          },
        }),
      ),
    );
  }
}
