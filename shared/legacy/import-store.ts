import type { MonthTotals } from '../purchases/purchase-store.ts';

export type ImportCounts = Record<string, number>;

/** How far the import of one export is: a run that stops resumes from `next` of its phase. */
export interface ImportState {
  exportId: string;
  status: 'importing' | 'imported' | 'rejected';
  startedAt: string;
  phase: 'members' | 'purchases';
  /** The next record to take and its byte offset in the phase's file. */
  next: { line: number; offset: number };
  members: ImportCounts;
  purchases: ImportCounts;
  reason?: string;
  finishedAt?: string;
  report?: string;
}

/** A month's totals as stored, and whether the register has counted receipts of its own in it. */
export interface StoredMonth extends MonthTotals {
  countedByRegister: boolean;
}

export interface LegacyImportStore {
  state(exportId: string): Promise<ImportState | undefined>;
  saveState(state: ImportState): Promise<void>;
  /** The customer numbers of earlier members already moved in, by earlier number. */
  movedIn(legacyNumbers: readonly string[]): Promise<Map<string, string>>;
  /** Stored purchase months, by `monthKeyOf`. */
  months(wanted: readonly { customerNumber: string; month: string }[]): Promise<Map<string, StoredMonth>>;
  /**
   * Sets a month's totals to the export's (so a second run writes the same, never twice the sum),
   * unless the register has counted receipts of its own in that month since, and only while the
   * member is a member (not being erased).
   */
  putMonth(
    customerNumber: string,
    totals: MonthTotals,
    expiresAt: number,
  ): Promise<'written' | 'counted-by-register' | 'member-gone'>;
}

export const monthKeyOf = (customerNumber: string, month: string) => `${customerNumber} ${month}`;
