import { ITEM_TYPES } from '../privacy/item-types.ts';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { config, epochSecondsAfterMonths } from '../config.ts';
import type { Channel, Footing, Purpose } from '../consents/purposes.ts';
import {
  conditionalWrite,
  deleteAll,
  decodeCursor,
  encodeCursor,
  queryPages,
  transientAsBusy,
  withoutStorage,
} from './dynamo.ts';
import {
  channelAudiencePartition,
  campaignContactsIndex,
  campaignHoldoutIndex,
  campaignKey,
  campaignPreviewKey,
  campaignListIndex,
  contactKey,
  withdrawnIndex,
} from './keys.ts';
import { TABLE_SCHEMA } from './table.ts';
import { putWhileMembers } from './while-member.ts';
import type { Campaign, CampaignPage, CampaignPreview, CampaignStore } from '../campaigns/campaign-store.ts';

/**
 * A campaign as stored. The table may hold campaigns without a status or a version: such a one reads
 * as a draft (computed if it has a summary) at version 0, so that it can be read and saved like any.
 */
const campaignOf = (item: Record<string, unknown>): Campaign => {
  const campaign = withoutStorage<Campaign>(item);
  return {
    ...campaign,
    status: campaign.status ?? (campaign.summary ? 'computed' : 'draft'),
    version: campaign.version ?? 0,
  };
};

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
          Item: this.itemOf(campaign),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  private itemOf(campaign: Campaign) {
    return {
      ...campaignKey(campaign.campaignId),
      ...campaignListIndex(campaign.createdAt, campaign.campaignId),
      type: ITEM_TYPES.campaign,
      ...campaign,
    };
  }

  async get(campaignId: string): Promise<Campaign | undefined> {
    const { Item } = await transientAsBusy(() =>
      this.db.send(new GetCommand({ TableName: this.table, Key: campaignKey(campaignId) })),
    );
    return Item && campaignOf(Item);
  }

  async list(pageSize: number, cursor?: string): Promise<CampaignPage> {
    const partition = campaignListIndex('', '').gsi1pk;
    const { Items, LastEvaluatedKey } = await transientAsBusy(() =>
      this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: TABLE_SCHEMA.gsi1.indexName,
          KeyConditionExpression: 'gsi1pk = :partition',
          ExpressionAttributeValues: { ':partition': partition },
          ScanIndexForward: false,
          Limit: pageSize,
          ...(cursor
            ? {
                ExclusiveStartKey: decodeCursor(cursor, {
                  partition: ['gsi1pk', partition],
                  sortKey: ['gsi1sk', ''],
                }),
              }
            : {}),
        }),
      ),
    );
    return {
      campaigns: (Items ?? []).map(campaignOf),
      ...(LastEvaluatedKey ? { next: encodeCursor(LastEvaluatedKey) } : {}),
    };
  }

  async save(campaign: Campaign, readVersion: number): Promise<boolean> {
    const refused = await conditionalWrite(
      this.db,
      new PutCommand({
        TableName: this.table,
        Item: this.itemOf(campaign),
        // Version 0 is a stored campaign without a version: the save holds it to having none still.
        ConditionExpression: readVersion === 0 ? 'attribute_not_exists(#version)' : '#version = :read',
        ExpressionAttributeNames: { '#version': 'version' },
        ...(readVersion === 0 ? {} : { ExpressionAttributeValues: { ':read': readVersion } }),
      }),
    );
    return !refused;
  }

  private async *index(partition: string, pageSize: number, after?: string): AsyncIterable<string[]> {
    for await (const page of queryPages(this.db, {
      TableName: this.table,
      IndexName: TABLE_SCHEMA.gsi1.indexName,
      KeyConditionExpression: after ? 'gsi1pk = :partition AND gsi1sk > :after' : 'gsi1pk = :partition',
      ExpressionAttributeValues: { ':partition': partition, ...(after ? { ':after': after } : {}) },
      ProjectionExpression: 'gsi1sk',
      Limit: pageSize,
    })) {
      yield (page.Items ?? []).map((item) => String(item.gsi1sk));
    }
  }

  reachable(channel: Channel, footing: Footing, pageSize: number, after?: string): AsyncIterable<string[]> {
    return this.index(channelAudiencePartition(channel, footing), pageSize, after);
  }

  reachableCount(channel: Channel, footing: Footing): Promise<number> {
    return this.count(channelAudiencePartition(channel, footing));
  }

  withdrawnCount(purpose: Purpose): Promise<number> {
    return this.count(withdrawnIndex(purpose, '').gsi1pk);
  }

  private async count(partition: string): Promise<number> {
    let count = 0;
    for await (const page of queryPages(this.db, {
      TableName: this.table,
      IndexName: TABLE_SCHEMA.gsi1.indexName,
      KeyConditionExpression: 'gsi1pk = :partition',
      ExpressionAttributeValues: { ':partition': partition },
      Select: 'COUNT',
    })) {
      count += page.Count ?? 0;
    }
    return count;
  }

  contacts(campaignId: string, pageSize: number, after?: string): AsyncIterable<string[]> {
    return this.index(campaignContactsIndex(campaignId, '').gsi1pk, pageSize, after);
  }

  async claimMessage(campaignId: string, customerNumber: string, at: string): Promise<boolean> {
    const refused = await conditionalWrite(
      this.db,
      new UpdateCommand({
        TableName: this.table,
        Key: contactKey(customerNumber, campaignId),
        UpdateExpression: 'SET sentAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(sentAt)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
    return !refused;
  }

  async releaseMessage(campaignId: string, customerNumber: string): Promise<void> {
    await conditionalWrite(
      this.db,
      new UpdateCommand({
        TableName: this.table,
        Key: contactKey(customerNumber, campaignId),
        UpdateExpression: 'REMOVE sentAt',
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  }

  heldOut(campaignId: string, pageSize: number): AsyncIterable<string[]> {
    return this.index(campaignHoldoutIndex(campaignId, '').gsi1pk, pageSize);
  }

  async dropContacts(campaignId: string): Promise<void> {
    for (const pages of [this.contacts(campaignId, 100), this.heldOut(campaignId, 100)])
      for await (const page of pages)
        await deleteAll(
          this.db,
          this.table,
          page.map((n) => contactKey(n, campaignId)),
        );
  }

  async recordPreview(preview: CampaignPreview): Promise<void> {
    await transientAsBusy(() =>
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...campaignPreviewKey(preview.campaignId, preview.at, preview.requestId),
            type: ITEM_TYPES.campaignPreview,
            ...preview,
            expiresAt: epochSecondsAfterMonths(new Date(preview.at), config.retention.auditMonths),
          },
        }),
      ),
    );
  }

  async previews(campaignId: string, limit: number): Promise<CampaignPreview[]> {
    const range = campaignPreviewKey(campaignId, '', '');
    const { Items } = await transientAsBusy(() =>
      this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :previews)',
          ExpressionAttributeValues: { ':pk': range.pk, ':previews': range.sk },
          ScanIndexForward: false,
          Limit: limit,
        }),
      ),
    );
    return (Items ?? []).map((item) => withoutStorage<CampaignPreview>(item));
  }

  async recordContacts(
    campaign: Campaign,
    customerNumbers: readonly string[],
    at: string,
    { heldOut = false } = {},
  ): Promise<Set<string>> {
    const expiresAt = epochSecondsAfterMonths(new Date(at), config.retention.contactMonths);
    const { written } = await putWhileMembers(
      this.db,
      this.table,
      customerNumbers.map((n) => ({
        customerNumber: n,
        item: {
          ...contactKey(n, campaign.campaignId),
          ...(heldOut ? campaignHoldoutIndex : campaignContactsIndex)(campaign.campaignId, n),
          type: ITEM_TYPES.contact,
          campaignId: campaign.campaignId,
          channel: campaign.channel,
          at,
          ...(heldOut ? { heldOut } : {}),
          expiresAt,
        },
      })),
    );
    return written;
  }
}
