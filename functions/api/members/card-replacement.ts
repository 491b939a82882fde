import { orderReplacement as route } from '../../../shared/contract/routes/cards.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { memberReply } from '../../../shared/http/member-reply.ts';
import { orderReplacement } from '../../../shared/members/choose-card.ts';
import { memberStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params }) =>
  memberReply(200, await orderReplacement(caller, params.customerNumber, memberStore())),
);
