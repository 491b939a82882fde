import { linkAccount as route } from '../../../shared/contract/routes/account.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { linkAccount } from '../../../shared/accounts/link.ts';
import { linkAttemptStore, memberStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, body }) =>
  linkAccount(caller, body, { members: memberStore(), attempts: linkAttemptStore() }),
);
