import { readReport as route } from '../../../shared/contract/routes/reports.ts';
import { readReport, readReportCsv } from '../../../shared/statistics/read-reports.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { csvReply } from '../../../shared/http/reply.ts';
import { statisticsStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params, query }) =>
  query.format === 'csv'
    ? csvReply(await readReportCsv(caller, params.report, query.table, statisticsStore()))
    : readReport(caller, params.report, statisticsStore()),
);
