import { inviteStaff as route } from '../../../shared/contract/routes/staff.ts';
import { inviteStaff } from '../../../shared/accounts/staff.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { reply } from '../../../shared/http/reply.ts';
import { staffDeps } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, body }) =>
  reply(201, await inviteStaff(caller, body, staffDeps())),
);
