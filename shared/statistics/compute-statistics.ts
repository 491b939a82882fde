import { oldestKeptMonth } from '../purchases/receipt.ts';
import { helsinkiDate } from '../time/helsinki.ts';
import { lastClosedMonth } from '../time/month-close.ts';
import { REPORT_NAMES, type Report, type ReportName } from './report-model.ts';
import { buildReports } from './report-tables.ts';
import type { StatisticsStore } from './statistics-store.ts';
import { Tally } from './tally.ts';

/** How many parallel scan segments the pass reads at once: DynamoDB serves each from its own partitions. */
export const STATISTICS_SEGMENTS = 8;

/**
 * The register's figures of the month that closed last: one pass over the table, and the reports
 * saved together as small anonymous items that the report routes read. A month is taken once; nights
 * after it change nothing until the next month closes, so that no two publications differ by what
 * one member did overnight. The stock tables (members, consents and cards in force) are as on the
 * night they were taken; each earlier month's rows stay as first published.
 */
export async function computeStatistics(
  store: StatisticsStore,
  now = new Date(),
  segments = STATISTICS_SEGMENTS,
) {
  const month = lastClosedMonth(now);
  const previous: Partial<Record<ReportName, Report>> = {};
  for (const report of await Promise.all(REPORT_NAMES.map((name) => store.get(name))))
    // A stored report without a month says nothing of what was published: it is taken again whole.
    if (report?.month) previous[report.report] = report;
  const since = previous.members?.month;
  if (since !== undefined && since >= month) return { month, skipped: 'taken-already' };
  const tally = new Tally(helsinkiDate(now), month, since);
  // The segments read side by side into one tally: every count in it is a sum or a set, so the order
  // the items come in changes no figure.
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      for await (const page of store.everyRecord(segment, segments))
        for (const record of page) tally.add(record);
    }),
  );
  const reports = buildReports(tally, now.toISOString(), previous, oldestKeptMonth(now));
  await store.saveAll(reports);
  return { month, itemsRead: tally.itemsRead, reports: reports.length };
}
