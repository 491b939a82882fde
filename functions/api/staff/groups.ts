import { changeStaffGroups as route } from '../../../shared/contract/routes/staff.ts';
import { changeStaffGroups } from '../../../shared/accounts/staff.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { staffDeps } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params, body }) =>
  changeStaffGroups(caller, params.username, body.groups, staffDeps()),
);
