import type { Campaign } from '../campaigns/campaign-store.ts';
import type { Purpose } from '../consents/purposes.ts';
import type { Member } from '../members/member.ts';
import type { MainGroup } from '../purchases/main-groups.ts';
import type { Report, ReportName } from './reports.ts';

/** What the statistics job reads of the register: each item once, as the domain knows it. */
export type RegisterRecord =
  | { kind: 'member'; member: Member }
  | { kind: 'erased'; erasedAt: string }
  | { kind: 'purchases'; month: string; groups: Partial<Record<MainGroup, number>>; receipts: number }
  /** Totals of erased members' months: `members` is how many members they came from. */
  | {
      kind: 'anonymous-purchases';
      month: string;
      groups: Partial<Record<MainGroup, number>>;
      receipts: number;
      members: number;
    }
  | { kind: 'consent-event'; purpose: Purpose; at: string }
  | { kind: 'card-batch'; createdAt: string; deliveredAt?: string; records: number }
  | { kind: 'campaign'; campaign: Campaign };

export interface StatisticsStore {
  /** The whole table, one pass, a page at a time; items the statistics do not count are left out. */
  everyRecord(): AsyncIterable<RegisterRecord[]>;
  save(report: Report): Promise<void>;
  get(name: ReportName): Promise<Report | undefined>;
}
