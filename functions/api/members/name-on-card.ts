import { agreeNameOnCard as route } from '../../../shared/contract/routes/cards.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { versionsFromIfMatch } from '../../../shared/http/etag.ts';
import { memberReply } from '../../../shared/http/member-reply.ts';
import { agreeNameOnCard } from '../../../shared/members/choose-card.ts';
import { memberStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params, body, headers }) =>
  memberReply(
    200,
    await agreeNameOnCard(
      caller,
      params.customerNumber,
      body.nameOnCard,
      versionsFromIfMatch(headers['if-match']),
      memberStore(),
    ),
  ),
);
