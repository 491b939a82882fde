import type { ExchangeFiles } from '../exchange/exchange-files.ts';
import type { JobLeases } from '../jobs/lease.ts';
import type { MemberStore } from '../members/member-store.ts';
import type { ImportCounts, LegacyImportStore } from './import-store.ts';
import type { SharedValues } from './shared-values.ts';

/** Writes in flight at once while a window is taken. */
export const WRITES_IN_FLIGHT = 16;
/** Who the audit trail and the consent history say made the import's changes. */
export const ACTOR = 'legacy-import';

export interface LegacyImportDeps {
  members: MemberStore;
  imports: LegacyImportStore;
  leases: JobLeases;
  files: ExchangeFiles;
  /** Validate everything and write the report, changing nothing in the table. */
  dryRun?: boolean;
  now?: () => Date;
  /** Milliseconds this run may still use (a Lambda's remaining time); unlimited if absent. */
  timeLeft?: () => number;
  window?: number;
}

/** The run's clock: the tests' fixed day, or now. */
export const clock = (deps: LegacyImportDeps) => deps.now?.() ?? new Date();

/** What every window of one export's import reads. */
export interface ImportContext {
  exportId: string;
  exportedAt: string;
  today: string;
  at: string;
  dryRun: boolean;
  shared: SharedValues;
  /** In a dry run, the earlier numbers it decided to take, for the purchase lines that follow. */
  wouldImport: Set<string>;
}

/** One more record with this outcome. */
export const count = (counts: ImportCounts, outcome: string) =>
  (counts[outcome] = (counts[outcome] ?? 0) + 1);
