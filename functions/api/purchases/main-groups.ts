import { routes } from '../../../infra/routes.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { MAIN_GROUPS } from '../../../shared/purchases/main-groups.ts';

export const handler = apiHandler(routes.mainGroups, async () => MAIN_GROUPS);
