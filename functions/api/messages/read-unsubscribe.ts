import { readUnsubscribe as route } from '../../../shared/contract/routes/messages.ts';
import { checkUnsubscribeLink } from '../../../shared/campaigns/unsubscribe.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { unsubscribePage } from '../../../shared/http/unsubscribe-page.ts';
import { unsubscribeLinks } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, ({ params }) =>
  unsubscribePage(async () => {
    await checkUnsubscribeLink(params.token, unsubscribeLinks());
    return 'confirm';
  }),
);
