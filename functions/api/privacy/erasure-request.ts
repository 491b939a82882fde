import { requestErasure as route } from '../../../shared/contract/routes/privacy.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { memberReply } from '../../../shared/http/member-reply.ts';
import { requestErasure } from '../../../shared/privacy/rights.ts';
import { memberStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params }) =>
  memberReply(202, await requestErasure(caller, params.customerNumber, memberStore())),
);
