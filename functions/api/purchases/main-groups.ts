import { mainGroups as route } from '../../../shared/contract/routes/purchases.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { MAIN_GROUPS } from '../../../shared/purchases/main-groups.ts';

export const handler = apiHandler(route, async () => MAIN_GROUPS);
