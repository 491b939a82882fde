import * as z from 'zod/mini';
import { REPORT_NAMES } from './report-model.ts';

const Text = z.strictObject({ fi: z.string(), en: z.string() });
export const ReportPath = z.strictObject({ report: z.enum(REPORT_NAMES as [string, ...string[]]) });
export const ReportQuery = z.strictObject({
  format: z.optional(z.enum(['json', 'csv'])),
  /** For CSV: which table of the report. */
  table: z.optional(z.string().check(z.regex(/^[a-z-]{1,40}$/, 'must be a table id such as members-by-age'))),
});
export const ReportView = z.strictObject({
  report: z.string(),
  /** The closed month the figures describe. */
  month: z.string(),
  computedAt: z.string(),
  tables: z.array(
    z.strictObject({
      id: z.string(),
      title: Text,
      columns: z.array(z.strictObject({ id: z.string(), title: Text })),
      rows: z.array(
        z.strictObject({ label: z.string(), cells: z.array(z.union([z.number(), z.literal('< 5')])) }),
      ),
    }),
  ),
});
export const ReportList = z.strictObject({
  reports: z.array(z.strictObject({ report: z.string(), title: Text })),
});
