import { ReportList, ReportPath, ReportQuery, ReportView } from '../../statistics/schemas.ts';
import type { RouteSpec } from '../route.ts';

// The reports the nightly statistics job leaves. One export per route, as routes.ts says.

export const listReports = {
  method: 'GET',
  path: '/reports',
  handler: 'api/reports/list',
  roles: ['admin', 'marketing'],
  summary: 'The reports the caller’s role may open',
  responses: { 200: { description: 'The reports and their titles', body: ReportList } },
  tableActions: [],
} as const satisfies RouteSpec;

export const readReport = {
  method: 'GET',
  path: '/reports/{report}',
  handler: 'api/reports/read',
  roles: ['admin', 'marketing'],
  summary:
    'A report as the nightly statistics job left it (no request scans); format=csv&table=<id> gives one table as CSV. No figure describes fewer than five members: such cells read "< 5"',
  params: ReportPath,
  query: ReportQuery,
  responses: {
    200: { description: 'The report, or one of its tables as CSV', body: ReportView },
    403: { description: 'The report is not for the caller’s role' },
    404: { description: 'No such report, or the statistics job has not run yet' },
  },
  tableActions: ['GetItem'],
} as const satisfies RouteSpec;
