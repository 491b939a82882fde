import { chooseCard as route } from '../../../shared/contract/routes/cards.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { versionsFromIfMatch } from '../../../shared/http/etag.ts';
import { memberReply } from '../../../shared/http/member-reply.ts';
import { chooseCard } from '../../../shared/members/choose-card.ts';
import { memberStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, params, body, headers }) =>
  memberReply(
    200,
    await chooseCard(
      caller,
      params.customerNumber,
      body.type,
      versionsFromIfMatch(headers['if-match']),
      memberStore(),
    ),
  ),
);
