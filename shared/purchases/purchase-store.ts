import type { MainGroup } from './main-groups.ts';

/** One month's totals of a member: cents per main group and how many receipts made them. */
export interface MonthTotals {
  month: string;
  groups: Partial<Record<MainGroup, number>>;
  receipts: number;
}

/** A receipt reduced to what the register keeps: net cents per main group, and a tag to count it once. */
export interface ReceiptCount {
  customerNumber: string;
  month: string;
  /** Identifies the receipt (store + receipt id) without keeping either. */
  tag: string;
  deltas: Partial<Record<MainGroup, number>>;
  /** Unix seconds when the month's totals expire (retention). */
  expiresAt: number;
  /** The month had closed when the receipt came: its benefit statement may be written already. */
  late: boolean;
}

export type CountOutcome =
  | { outcome: 'counted' }
  /** Counted before, for this member and month. */
  | { outcome: 'duplicate' }
  /** The store and receipt id were counted for another member or another month. */
  | { outcome: 'conflict' }
  /** The month has no item yet: the member's existence must be checked before it is created. */
  | { outcome: 'month-missing' }
  /** The month was to be created, but there is no member (any more) to create it for. */
  | { outcome: 'no-member' }
  | { outcome: 'return-exceeds'; group: MainGroup };

export interface PurchaseStore {
  /**
   * Counts a receipt once: only if its store and receipt id are not yet counted for another member
   * or month, only if no group would fall below zero, and only if the month already exists or (with
   * `createMonth`) the member does. Sent again after any failure, the same receipt is counted once.
   */
  count(receipt: ReceiptCount, createMonth: boolean): Promise<CountOutcome>;
  months(customerNumber: string, from: string, to: string): Promise<MonthTotals[]>;
  /**
   * Puts a month made before the buyers' index existed on it; false when there is no such month or it
   * is on it. A dry run writes nothing and answers whether it would have written.
   */
  joinBuyers(customerNumber: string, month: string, dryRun?: boolean): Promise<boolean>;
}
