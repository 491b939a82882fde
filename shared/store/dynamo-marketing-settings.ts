import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MarketingSettingsStore, SavedMarketingSettings } from '../campaigns/marketing-settings.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { conditionalWrite, queryPages, withoutStorage } from './dynamo.ts';
import { marketingSettingsKey } from './keys.ts';

/** The marketing settings, each version an item of one partition, never changed once saved. */
export class DynamoMarketingSettings implements MarketingSettingsStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async all(): Promise<SavedMarketingSettings[]> {
    const all: SavedMarketingSettings[] = [];
    for await (const page of queryPages(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': marketingSettingsKey(0).pk },
      ConsistentRead: true,
    }))
      all.push(...(page.Items ?? []).map((item) => withoutStorage<SavedMarketingSettings>(item)));
    return all.sort((a, b) => a.version - b.version);
  }

  async add(settings: SavedMarketingSettings): Promise<boolean> {
    const refused = await conditionalWrite(
      this.db,
      new PutCommand({
        TableName: this.table,
        Item: { ...marketingSettingsKey(settings.version), type: ITEM_TYPES.marketingSettings, ...settings },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return !refused;
  }
}
