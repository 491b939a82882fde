import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { Caller } from '../auth/caller.ts';
import { registerCsv } from '../exchange/csv.ts';
import { notFound, Refusal } from '../refusal.ts';
import { REPORT_NAMES, REPORTS, type Report, type ReportName } from './report-model.ts';
import type { StatisticsStore } from './statistics-store.ts';

/** A report the caller's role may open, as the statistics job left it. */
export async function readReport(caller: Caller, name: string, store: StatisticsStore): Promise<Report> {
  if (!(name in REPORTS)) throw notFound('report');
  const spec = REPORTS[name as ReportName];
  if (!(spec.roles as readonly string[]).includes(caller.role))
    throw new Refusal('role-not-allowed', 'This report is not for your role');
  const report = await store.get(name as ReportName);
  if (!report) throw notFound('report (no month has been taken yet)');
  return report;
}

/** The reports the caller's role may open, with their titles. */
export const reportsFor = (caller: Caller) =>
  REPORT_NAMES.filter((name) => (REPORTS[name].roles as readonly string[]).includes(caller.role)).map(
    (name) => ({
      report: name,
      title: REPORTS[name].title,
    }),
  );

/**
 * One table of a report the caller's role may open, as CSV (the first table unless one is named):
 * the row label, then each figure, "< 5" as shown.
 */
export async function readReportCsv(
  caller: Caller,
  name: string,
  tableId: string | undefined,
  store: StatisticsStore,
): Promise<string> {
  const report = await readReport(caller, name, store);
  const found = tableId === undefined ? report.tables[0] : report.tables.find((t) => t.id === tableId);
  if (!found) throw notFound('table');
  const columns = found.columns.map((c) => c.id);
  const rows = found.rows.map((row) =>
    Object.fromEntries(columns.map((c, i) => [c, i === 0 ? row.label : row.cells[i - 1]])),
  );
  return text(Readable.from(rows).pipe(registerCsv({ header: true, columns })));
}
