import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Campaign } from '../campaigns/campaign-store.ts';
import type { Purpose } from '../consents/purposes.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import type { BenefitRules } from '../benefits/rules.ts';
import type { Statement } from '../benefits/statement.ts';
import type { Report, ReportName } from '../statistics/report-model.ts';
import type { RegisterRecord, StatisticsStore } from '../statistics/statistics-store.ts';
import { scanPages, transientAsBusy, withoutStorage } from './dynamo.ts';
import { memberOf } from './dynamo-member-reader.ts';
import { BUYERS_PREFIX, totalsOf } from './dynamo-purchase-store.ts';
import { customerNumberOfPartition, monthOfPurchaseKey, PROFILE_SK, statisticsKey } from './keys.ts';
import { isMainGroup } from '../purchases/main-groups.ts';

type Item = Record<string, unknown>;

/**
 * How many erased members bought in each group of an anonymous month. A total made before the
 * register counted them is taken as one member's, the fewest it can be (its figure is then shown
 * only beside four more buyers).
 */
function buyersOf(item: Item, groups: Partial<Record<string, number>>) {
  const buyers: Record<string, number> = {};
  for (const [group, cents] of Object.entries(groups))
    if (isMainGroup(group)) buyers[group] = Number(item[BUYERS_PREFIX + group] ?? (cents ? 1 : 0));
  return buyers;
}

/** What an item is to the statistics, by its stored type; undefined for what they do not count. */
function recordOf(item: Item): RegisterRecord | undefined {
  switch (item.type) {
    case ITEM_TYPES.member:
      return item.sk === PROFILE_SK ? { kind: 'member', member: memberOf(item) } : undefined;
    case ITEM_TYPES.erased:
      return { kind: 'erased', erasedAt: String(item.erasedAt) };
    case ITEM_TYPES.purchases: {
      const month = monthOfPurchaseKey(String(item.sk));
      return {
        kind: 'purchases',
        customerNumber: customerNumberOfPartition(String(item.pk)),
        ...totalsOf(month, item),
      };
    }
    case ITEM_TYPES.anonymousPurchases: {
      const totals = totalsOf(String(item.sk), item);
      return { kind: 'anonymous-purchases', ...totals, buyers: buyersOf(item, totals.groups) };
    }
    case ITEM_TYPES.consentEvent:
      return {
        kind: 'consent-event',
        customerNumber: customerNumberOfPartition(String(item.pk)),
        purpose: item.purpose as Purpose,
        at: String(item.at),
      };
    case ITEM_TYPES.cardBatch:
      return {
        kind: 'card-batch',
        createdAt: String(item.createdAt),
        records: Number(item.records ?? 0),
        ...(item.deliveredAt ? { deliveredAt: String(item.deliveredAt) } : {}),
      };
    case ITEM_TYPES.statement: {
      const s = withoutStorage<Statement>(item);
      return {
        kind: 'statement',
        month: s.month,
        tierPercent: s.tierPercent,
        benefitCents: s.benefitCents,
        payableCents: s.payableCents,
        payment: s.payment,
      };
    }
    case ITEM_TYPES.anonymousBenefits:
      return {
        kind: 'anonymous-benefits',
        month: String(item.month),
        earnedCents: Number(item.earnedCents ?? 0),
        paidCents: Number(item.paidCents ?? 0),
        members: Number(item.members ?? 0),
      };
    case ITEM_TYPES.benefitRules:
      return { kind: 'benefit-rules', rules: withoutStorage<BenefitRules>(item) };
    case ITEM_TYPES.campaign:
      return { kind: 'campaign', campaign: withoutStorage<Campaign>(item) };
    default:
      return undefined;
  }
}

/** One pass over the whole table in parallel segments (its only reader besides the monthly jobs), and one item per report, saved together. */
export class DynamoStatistics implements StatisticsStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async *everyRecord(segment: number, segments: number): AsyncIterable<RegisterRecord[]> {
    // DynamoDB's parallel scan: each segment is read on its own, side by side with the others.
    const input = { TableName: this.table, Segment: segment, TotalSegments: segments };
    for await (const page of scanPages(this.db, input)) {
      yield (page.Items ?? []).flatMap((item) => recordOf(item) ?? []);
    }
  }

  async saveAll(reports: readonly Report[]): Promise<void> {
    await transientAsBusy(() =>
      this.db.send(
        new TransactWriteCommand({
          TransactItems: reports.map((report) => ({
            Put: {
              TableName: this.table,
              Item: { ...statisticsKey(report.report), type: ITEM_TYPES.statistics, ...report },
            },
          })),
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
