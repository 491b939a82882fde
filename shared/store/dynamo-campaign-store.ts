import { ITEM_TYPES } from '../privacy/item-types.ts';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config, epochSecondsAfterMonths } from '../config.ts';
import type { Purpose } from '../consents/purposes.ts';
import { putAll, queryPages, transientAsBusy, withoutStorage } from './dynamo.ts';
import { audienceIndex, campaignContactsIndex, campaignKey, contactKey, withdrawnIndex } from './keys.ts';
import { TABLE_SCHEMA } from './table.ts';
import type {
  AudienceSummary,
  Campaign,
  CampaignContact,
  CampaignStore,
} from '../campaigns/campaign-store.ts';

export class DynamoCampaignStore implements CampaignStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(campaign: Campaign): Promise<void> {
    await transientAsBusy(() =>
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...campaignKey(campaign.campaignId), type: ITEM_TYPES.campaign, ...campaign },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async get(campaignId: string): Promise<Campaign | undefined> {
    const { Item } = await transientAsBusy(() =>
      this.db.send(new GetCommand({ TableName: this.table, Key: campaignKey(campaignId) })),
    );
    return Item && withoutStorage<Campaign>(Item);
  }

  async saveSummary(campaignId: string, summary: AudienceSummary): Promise<void> {
    await transientAsBusy(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: campaignKey(campaignId),
          UpdateExpression: 'SET #summary = :summary',
          ExpressionAttributeNames: { '#summary': 'summary' },
          ExpressionAttributeValues: { ':summary': summary },
        }),
      ),
    );
  }

  private async *index(partition: string, pageSize: number): AsyncIterable<string[]> {
    for await (const page of queryPages(this.db, {
      TableName: this.table,
      IndexName: TABLE_SCHEMA.gsi1.indexName,
      KeyConditionExpression: 'gsi1pk = :partition',
      ExpressionAttributeValues: { ':partition': partition },
      ProjectionExpression: 'gsi1sk',
      Limit: pageSize,
    })) {
      yield (page.Items ?? []).map((item) => String(item.gsi1sk));
    }
  }

  consented(purpose: Purpose, pageSize: number): AsyncIterable<string[]> {
    return this.index(audienceIndex(purpose, '').gsi1pk, pageSize);
  }

  async withdrawnCount(purpose: Purpose): Promise<number> {
    let count = 0;
    for await (const page of queryPages(this.db, {
      TableName: this.table,
      IndexName: TABLE_SCHEMA.gsi1.indexName,
      KeyConditionExpression: 'gsi1pk = :partition',
      ExpressionAttributeValues: { ':partition': withdrawnIndex(purpose, '').gsi1pk },
      Select: 'COUNT',
    })) {
      count += page.Count ?? 0;
    }
    return count;
  }

  contacts(campaignId: string, pageSize: number): AsyncIterable<string[]> {
    return this.index(campaignContactsIndex(campaignId, '').gsi1pk, pageSize);
  }

  async contactsOf(customerNumber: string): Promise<CampaignContact[]> {
    const { pk, sk } = contactKey(customerNumber, '');
    const contacts: CampaignContact[] = [];
    for await (const page of queryPages(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :contact)',
      ExpressionAttributeValues: { ':pk': pk, ':contact': sk },
      ProjectionExpression: 'campaignId, channel, #at',
      ExpressionAttributeNames: { '#at': 'at' },
    })) {
      contacts.push(...((page.Items ?? []) as CampaignContact[]));
    }
    return contacts.sort((a, b) => a.at.localeCompare(b.at));
  }

  async recordContacts(campaign: Campaign, customerNumbers: readonly string[], at: string): Promise<void> {
    const expiresAt = epochSecondsAfterMonths(new Date(at), config.retention.contactMonths);
    const items = customerNumbers.map((n) => ({
      ...contactKey(n, campaign.campaignId),
      ...campaignContactsIndex(campaign.campaignId, n),
      type: ITEM_TYPES.contact,
      campaignId: campaign.campaignId,
      channel: campaign.channel,
      at,
      expiresAt,
    }));
    await putAll(this.db, this.table, items);
  }
}
