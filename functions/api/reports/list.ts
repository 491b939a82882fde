import { listReports as route } from '../../../shared/contract/routes/reports.ts';
import { reportsFor } from '../../../shared/statistics/read-reports.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';

export const handler = apiHandler(route, async ({ caller }) => ({ reports: reportsFor(caller) }));
