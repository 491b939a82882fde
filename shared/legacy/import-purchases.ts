import { inParallel } from '../concurrency.ts';
import { LegacyNumber } from '../members/schemas.ts';
import type { MonthTotals } from '../purchases/purchase-store.ts';
import { monthExpiry, oldestKeptMonth } from '../purchases/receipt.ts';
import { MONTH } from '../time/helsinki.ts';
import {
  EXPORT_FILES,
  euroCents,
  GROUP_CODES,
  PURCHASE_COLUMNS,
  rowOf,
  type CsvRecord,
} from './export-format.ts';
import {
  clock,
  count,
  WRITES_IN_FLIGHT,
  type ImportContext,
  type LegacyImportDeps,
} from './import-context.ts';
import { reportedNumber, type ReportLine } from './import-report.ts';
import { monthKeyOf, type ImportState } from './import-store.ts';

/**
 * One window of purchases.csv: each member's month summed by main group, lines of one month
 * together, and set as the month's totals (never added to them); what cannot be taken is reported.
 */
export async function purchasesWindow(
  window: CsvRecord[],
  state: ImportState,
  context: ImportContext,
  deps: LegacyImportDeps,
): Promise<ReportLine[]> {
  const report: ReportLine[] = [];
  const refuse = (record: CsvRecord, outcome: string, reason: string, legacyNumber?: string) => {
    count(state.purchases, outcome);
    report.push({
      file: EXPORT_FILES.purchases,
      line: record.line,
      ...reportedNumber(legacyNumber),
      outcome,
      reason,
    });
  };
  const oldest = oldestKeptMonth(clock(deps));
  const numbers = [...new Set(window.map((record) => record.fields[0] ?? ''))].filter(
    (n) => LegacyNumber.safeParse(n).success,
  );
  const movedIn = await deps.imports.movedIn(numbers);
  // A dry run has moved no one in: the members it decided to take stand in for them.
  for (const n of numbers)
    if (context.dryRun && context.wouldImport.has(n) && !movedIn.has(n)) movedIn.set(n, `dry-run-${n}`);
  // The export's months of each member, summed by group, lines of one month together.
  const months = new Map<string, { customerNumber: string; totals: MonthTotals; lines: number }>();
  for (const record of window) {
    if (record.fields.length !== PURCHASE_COLUMNS.length) {
      refuse(record, 'malformed', `expected ${PURCHASE_COLUMNS.length} columns`);
      continue;
    }
    const row = rowOf(PURCHASE_COLUMNS, record.fields);
    const cents = euroCents(row.summa);
    const receipts = Number(row.kuitteja);
    const group = GROUP_CODES[row.paaryhma];
    if (!MONTH.test(row.kuukausi) || cents === undefined || !/^\d{1,6}$/.test(row.kuitteja)) {
      refuse(record, 'malformed', 'the month, sum or receipt count is not readable', row.asiakasnro);
      continue;
    }
    if (group === undefined) {
      const code = /^\d{1,3}$/.test(row.paaryhma) ? ` ${row.paaryhma}` : '';
      refuse(record, 'unknown-group', `no main group${code} in the earlier register's list`, row.asiakasnro);
      continue;
    }
    if (group === null) {
      refuse(record, 'unmapped-group', 'group 99 (other) has no main group in the register', row.asiakasnro);
      continue;
    }
    if (row.kuukausi < oldest) {
      refuse(record, 'too-old', `older than the ${oldest} the register keeps`, row.asiakasnro);
      continue;
    }
    const customerNumber = movedIn.get(row.asiakasnro);
    if (!customerNumber) {
      refuse(record, 'unknown-member', 'no member of that earlier number was moved in', row.asiakasnro);
      continue;
    }
    const key = monthKeyOf(customerNumber, row.kuukausi);
    const month = months.get(key) ?? {
      customerNumber,
      totals: { month: row.kuukausi, groups: {}, receipts },
      lines: 0,
    };
    month.totals.groups[group] = (month.totals.groups[group] ?? 0) + cents;
    month.lines += 1;
    months.set(key, month);
  }
  const stored = await deps.imports.months(
    [...months.values()].map(({ customerNumber, totals }) => ({ customerNumber, month: totals.month })),
  );
  await inParallel(
    [...months.entries()],
    WRITES_IN_FLIGHT,
    async ([key, { customerNumber, totals, lines }]) => {
      const before = stored.get(key);
      const same = before && before.receipts === totals.receipts && sameGroups(before.groups, totals.groups);
      let outcome = same ? 'unchanged' : 'written';
      if (!same && before?.countedByRegister) outcome = 'counted-by-register';
      else if (!same && !context.dryRun) {
        outcome = await deps.imports.putMonth(customerNumber, totals, monthExpiry(totals.month));
      }
      state.purchases[outcome] = (state.purchases[outcome] ?? 0) + lines;
    },
  );
  return report;
}

const sameGroups = (a: MonthTotals['groups'], b: MonthTotals['groups']) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof MonthTotals['groups']>;
  return [...keys].every((group) => (a[group] ?? 0) === (b[group] ?? 0));
};
