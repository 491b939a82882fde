import { GetCommand, paginateScan, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Campaign } from '../campaigns/campaign-store.ts';
import type { Purpose } from '../consents/purposes.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import type { Report, ReportName } from '../statistics/reports.ts';
import type { RegisterRecord, StatisticsStore } from '../statistics/statistics-store.ts';
import { transientAsBusy, withoutStorage } from './dynamo.ts';
import { memberOf } from './dynamo-member-reader.ts';
import { totalsOf } from './dynamo-purchase-store.ts';
import { monthOfPurchaseKey, PROFILE_SK, statisticsKey } from './keys.ts';

type Item = Record<string, unknown>;

/** What an item is to the statistics, by its stored type; undefined for what they do not count. */
function recordOf(item: Item): RegisterRecord | undefined {
  switch (item.type) {
    case ITEM_TYPES.member:
      return item.sk === PROFILE_SK ? { kind: 'member', member: memberOf(item) } : undefined;
    case ITEM_TYPES.erased:
      return { kind: 'erased', erasedAt: String(item.erasedAt) };
    case ITEM_TYPES.purchases: {
      const month = monthOfPurchaseKey(String(item.sk));
      return { kind: 'purchases', ...totalsOf(month, item) };
    }
    case ITEM_TYPES.anonymousPurchases:
      return {
        kind: 'anonymous-purchases',
        ...totalsOf(String(item.sk), item),
        members: Number(item.members ?? 0),
      };
    case ITEM_TYPES.consentEvent:
      return { kind: 'consent-event', purpose: item.purpose as Purpose, at: String(item.at) };
    case ITEM_TYPES.cardBatch:
      return {
        kind: 'card-batch',
        createdAt: String(item.createdAt),
        records: Number(item.records ?? 0),
        ...(item.deliveredAt ? { deliveredAt: String(item.deliveredAt) } : {}),
      };
    case ITEM_TYPES.campaign:
      return { kind: 'campaign', campaign: withoutStorage<Campaign>(item) };
    default:
      return undefined;
  }
}

/** One Scan of the whole table (its only reader besides the monthly jobs), and one item per report. */
export class DynamoStatistics implements StatisticsStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async *everyRecord(): AsyncIterable<RegisterRecord[]> {
    for await (const page of paginateScan({ client: this.db }, { TableName: this.table })) {
      yield (page.Items ?? []).flatMap((item) => recordOf(item) ?? []);
    }
  }

  async save(report: Report): Promise<void> {
    await transientAsBusy(() =>
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...statisticsKey(report.report), type: ITEM_TYPES.statistics, ...report },
        }),
      ),
    );
  }

  async get(name: ReportName): Promise<Report | undefined> {
    const { Item } = await transientAsBusy(() =>
      this.db.send(new GetCommand({ TableName: this.table, Key: statisticsKey(name) })),
    );
    return Item && withoutStorage<Report>(Item);
  }
}
