import { unsubscribe as route } from '../../../shared/contract/routes/messages.ts';
import { unsubscribe } from '../../../shared/campaigns/unsubscribe.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { routeKey } from '../../../shared/contract/route.ts';
import { unsubscribePage } from '../../../shared/http/unsubscribe-page.ts';
import { memberStore, unsubscribeLinks } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, ({ params, requestId }) =>
  unsubscribePage(async () => {
    await unsubscribe(
      params.token,
      { links: unsubscribeLinks(), members: memberStore() },
      { via: routeKey(route), requestId },
    );
    return 'done';
  }),
);
