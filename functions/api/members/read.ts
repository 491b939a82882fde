import { readMember as route } from '../../../shared/contract/routes/members.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { memberReply } from '../../../shared/http/member-reply.ts';
import { readMember } from '../../../shared/members/read.ts';
import { memberStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params, query }) =>
  memberReply(
    200,
    await readMember(caller, params.customerNumber, memberStore()),
    query.include === 'sources',
  ),
);
