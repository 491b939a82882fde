import { joinAsMember as route } from '../../../shared/contract/routes/account.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { memberReply } from '../../../shared/http/member-reply.ts';
import { joinAsMember } from '../../../shared/accounts/link.ts';
import { memberStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, body }) =>
  memberReply(201, await joinAsMember(caller, body, memberStore())),
);
