import { oldestKeptMonth } from '../purchases/receipt.ts';
import { helsinkiDate } from '../time/helsinki.ts';
import { lastClosedMonth } from '../time/month-close.ts';
import { REPORT_NAMES, type Report, type ReportName } from './report-model.ts';
import { buildReports } from './report-tables.ts';
import type { StatisticsStore } from './statistics-store.ts';
import { Tally } from './tally.ts';

/**
 * The register's figures of the month that closed last: one pass over the table, and the reports
 * saved together as small anonymous items that the report routes read. A month is taken once; nights
 * after it change nothing until the next month closes, so that no two publications differ by what
 * one member did overnight. The stock tables (members, consents and cards in force) are as on the
 * night they were taken; each earlier month's rows stay as first published.
 */
export async function computeStatistics(store: StatisticsStore, now = new Date()) {
  const month = lastClosedMonth(now);
  const previous: Partial<Record<ReportName, Report>> = {};
  for (const report of await Promise.all(REPORT_NAMES.map((name) => store.get(name))))
    // A stored report without a month says nothing of what was published: it is taken again whole.
    if (report?.month) previous[report.report] = report;
  const since = previous.members?.month;
  if (since !== undefined && since >= month) return { month, skipped: 'taken-already' };
  const tally = new Tally(helsinkiDate(now), month, since);
  for await (const page of store.everyRecord()) for (const record of page) tally.add(record);
  const reports = buildReports(tally, now.toISOString(), previous, oldestKeptMonth(now));
  await store.saveAll(reports);
  return { month, itemsRead: tally.itemsRead, reports: reports.length };
}
