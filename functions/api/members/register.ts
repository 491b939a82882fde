import { registerMember as route } from '../../../shared/contract/routes/members.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { memberReply } from '../../../shared/http/member-reply.ts';
import { registerMember } from '../../../shared/members/register.ts';
import { memberStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, body, headers }) =>
  memberReply(
    201,
    await registerMember(caller, body, memberStore(), { idempotencyKey: headers['idempotency-key'] }),
  ),
);
