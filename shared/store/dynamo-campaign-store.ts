import {
  BatchWriteCommand,
  GetCommand,
  paginateQuery,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { config, epochSecondsAfterMonths } from '../config.ts';
import type { Purpose } from '../consents/purposes.ts';
import { inParallel } from '../concurrency.ts';
import { transientAsUnavailable } from './dynamo.ts';
import { audienceIndex, campaignContactsIndex, campaignKey, contactKey, withdrawnIndex } from './keys.ts';
import { TABLE_SCHEMA } from './table.ts';
import type { AudienceSummary, Campaign, CampaignStore } from './campaign-store.ts';

/** DynamoDB takes at most 25 items per BatchWriteItem. */
const BATCH_WRITE_LIMIT = 25;

export class DynamoCampaignStore implements CampaignStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(campaign: Campaign): Promise<void> {
    await transientAsUnavailable(() =>
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...campaignKey(campaign.campaignId), type: 'campaign', ...campaign },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async get(campaignId: string): Promise<Campaign | undefined> {
    const { Item } = await transientAsUnavailable(() =>
      this.db.send(new GetCommand({ TableName: this.table, Key: campaignKey(campaignId) })),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, type: _type, ...campaign } = Item;
    return campaign as Campaign;
  }

  async saveSummary(campaignId: string, summary: AudienceSummary): Promise<void> {
    await transientAsUnavailable(() =>
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
    const pages = paginateQuery(
      { client: this.db, pageSize },
      {
        TableName: this.table,
        IndexName: TABLE_SCHEMA.gsi1.indexName,
        KeyConditionExpression: 'gsi1pk = :partition',
        ExpressionAttributeValues: { ':partition': partition },
        ProjectionExpression: 'gsi1sk',
      },
    );
    for await (const page of pages) yield (page.Items ?? []).map((item) => String(item.gsi1sk));
  }

  consented(purpose: Purpose, pageSize: number): AsyncIterable<string[]> {
    return this.index(audienceIndex(purpose, '').gsi1pk, pageSize);
  }

  async withdrawnCount(purpose: Purpose): Promise<number> {
    let count = 0;
    const pages = paginateQuery(
      { client: this.db },
      {
        TableName: this.table,
        IndexName: TABLE_SCHEMA.gsi1.indexName,
        KeyConditionExpression: 'gsi1pk = :partition',
        ExpressionAttributeValues: { ':partition': withdrawnIndex(purpose, '').gsi1pk },
        Select: 'COUNT',
      },
    );
    for await (const page of pages) count += page.Count ?? 0;
    return count;
  }

  contacts(campaignId: string, pageSize: number): AsyncIterable<string[]> {
    return this.index(campaignContactsIndex(campaignId, '').gsi1pk, pageSize);
  }

  async recordContacts(campaign: Campaign, customerNumbers: readonly string[], at: string): Promise<void> {
    const expiresAt = epochSecondsAfterMonths(new Date(at), config.retention.contactMonths);
    const items = customerNumbers.map((n) => ({
      ...contactKey(n, campaign.campaignId),
      ...campaignContactsIndex(campaign.campaignId, n),
      type: 'contact',
      campaignId: campaign.campaignId,
      channel: campaign.channel,
      at,
      expiresAt,
    }));
    const chunks = Array.from({ length: Math.ceil(items.length / BATCH_WRITE_LIMIT) }, (_, i) =>
      items.slice(i * BATCH_WRITE_LIMIT, (i + 1) * BATCH_WRITE_LIMIT),
    );
    await inParallel(chunks, 4, async (chunk) => {
      let pending: Record<string, unknown>[] | undefined = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending?.length; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
        const asked: Record<string, unknown>[] = pending;
        const answer = await transientAsUnavailable(() =>
          this.db.send(new BatchWriteCommand({ RequestItems: { [this.table]: asked as never } })),
        );
        pending = answer.UnprocessedItems?.[this.table] as Record<string, unknown>[] | undefined;
      }
    });
  }
}
