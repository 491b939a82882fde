import type { Campaign } from '../campaigns/campaign-store.ts';
import type { Purpose } from '../consents/purposes.ts';
import type { Member } from '../members/member.ts';
import type { MainGroup } from '../purchases/main-groups.ts';
import type { Report, ReportName } from './report-model.ts';
import type { BenefitRules } from '../benefits/rules.ts';
import type { Statement } from '../benefits/statement.ts';

/** What the statistics job reads of the register: each item once, as the domain knows it. */
export type RegisterRecord =
  | { kind: 'member'; member: Member }
  | { kind: 'erased'; erasedAt: string }
  | {
      kind: 'purchases';
      customerNumber: string;
      month: string;
      groups: Partial<Record<MainGroup, number>>;
      receipts: number;
    }
  /** Totals of erased members' months: `buyers` is how many members bought in each group. */
  | {
      kind: 'anonymous-purchases';
      month: string;
      groups: Partial<Record<MainGroup, number>>;
      receipts: number;
      buyers: Partial<Record<MainGroup, number>>;
    }
  | { kind: 'consent-event'; customerNumber: string; purpose: Purpose; at: string }
  | { kind: 'card-batch'; createdAt: string; deliveredAt?: string; records: number }
  | { kind: 'campaign'; campaign: Campaign }
  | {
      kind: 'statement';
      month: string;
      tierPercent: number;
      benefitCents: number;
      payableCents: number;
      payment: Statement['payment'];
    }
  /** Erased members' statements, summed per month. */
  | { kind: 'anonymous-benefits'; month: string; earnedCents: number; paidCents: number; members: number }
  | { kind: 'benefit-rules'; rules: BenefitRules };

export interface StatisticsStore {
  /**
   * One segment of the whole table (of `segments`, which together read every item once), a page at
   * a time; items the statistics do not count are left out.
   */
  everyRecord(segment: number, segments: number): AsyncIterable<RegisterRecord[]>;
  /** The reports of a month, all or none. */
  saveAll(reports: readonly Report[]): Promise<void>;
  get(name: ReportName): Promise<Report | undefined>;
}
