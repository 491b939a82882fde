import { useApiMutation, useApiQuery } from '../../../lib/api/queries.ts';
import type { AnswerOf, PathOf } from '../../../lib/api/types.ts';
import { CSV, saveFile } from '../../../lib/save-file.ts';
import { figureKeys } from './keys.ts';

export type Report = AnswerOf<'readReport'>;
export type ReportTable = Report['tables'][number];
/** A report's name, from the page's address: the API answers one it does not know, or the role may not read, with a problem. */
type ReportName = PathOf<'readReport'>['report'];

/** The reports the role may read, each with its title. */
export const useReports = () => useApiQuery(figureKeys.list(), (api) => api.GET('/reports'));

export const useReport = (report: string) =>
  useApiQuery(figureKeys.report(report), (api) =>
    api.GET('/reports/{report}', { params: { path: { report: report as ReportName }, query: {} } }),
  );

/** One table of a report as CSV. */
export const useDownloadTable = (report: string, table: string) =>
  useApiMutation(
    (api) =>
      api.GET('/reports/{report}', {
        params: { path: { report: report as ReportName }, query: { format: 'csv', table } },
        parseAs: 'text',
      }),
    { onSuccess: (csv) => saveFile(csv, CSV, `${table}.csv`) },
  );
