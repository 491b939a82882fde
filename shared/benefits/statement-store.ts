import type { MainGroup } from '../purchases/main-groups.ts';
import type { LateMonth, Statement } from './statement.ts';

/** The members who bought in a month, with the month's totals. */
export interface Buyer {
  customerNumber: string;
  groups: Partial<Record<MainGroup, number>>;
}

/**
 * How far one segment of a month's statements (first digit of the customer number) has come: an
 * item of its own, so that segments run side by side never write over each other's progress.
 */
export interface SegmentProgress {
  month: string;
  segment: string;
  startedAt: string;
  /** The last customer number done, while the segment is under way. */
  after?: string;
  done?: boolean;
  written: number;
  existing: number;
  gone: number;
}

export interface StatementStore {
  /** One segment of the month's buyers, after the given customer number, a page at a time. */
  buyers(month: string, segment: string, after: string | undefined, pageSize: number): AsyncIterable<Buyer[]>;
  /** Every month a late receipt changed after its statement (there are few: read whole). */
  lateMonths(): Promise<LateMonth[]>;
  /** The statements of these members' months, where they exist. */
  statements(keys: readonly { customerNumber: string; month: string }[]): Promise<Statement[]>;
  /**
   * Writes the statements not yet written, each only while its member is a member: how many it
   * wrote, those already there (a run done twice), and the members whose erasure has begun.
   */
  write(
    statements: readonly Statement[],
  ): Promise<{ written: number; existing: Statement[]; gone: string[] }>;
  /** A late month's change is stated: its basis becomes `statedCents`, unless another late change came meanwhile. */
  settle(late: LateMonth, statedCents: number): Promise<void>;
  /** Every segment's progress of the month, those begun. */
  progress(month: string): Promise<SegmentProgress[]>;
  saveProgress(progress: SegmentProgress): Promise<void>;
}
