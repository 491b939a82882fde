import { restrictMember as route } from '../../../shared/contract/routes/privacy.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { memberReply } from '../../../shared/http/member-reply.ts';
import { setRestriction } from '../../../shared/privacy/rights.ts';
import { memberStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params, body }) =>
  memberReply(200, await setRestriction(caller, params.customerNumber, body.restricted, memberStore())),
);
