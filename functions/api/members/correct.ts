import { correctMember as route } from '../../../shared/contract/routes/members.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { versionsFromIfMatch } from '../../../shared/http/etag.ts';
import { memberReply } from '../../../shared/http/member-reply.ts';
import { correctMember } from '../../../shared/members/correct.ts';
import { memberStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params, body, headers }) =>
  memberReply(
    200,
    await correctMember(
      caller,
      params.customerNumber,
      body,
      versionsFromIfMatch(headers['if-match']),
      memberStore(),
    ),
  ),
);
