import { readReport as route } from '../../../shared/contract/routes.ts';
import { readReport, reportTableCsv } from '../../../shared/statistics/reports.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { reply } from '../../../shared/http/reply.ts';
import { statisticsStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params, query }) => {
  const report = await readReport(caller, params.report, statisticsStore());
  if (query.format !== 'csv') return report;
  return reply(200, await reportTableCsv(report, query.table ?? report.tables[0]!.id), {
    'content-type': 'text/csv; charset=utf-8',
  });
});
