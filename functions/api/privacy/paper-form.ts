import { paperForm as route } from '../../../shared/contract/routes/privacy.ts';
import { marketingFooting } from '../../../shared/campaigns/marketing-settings.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { reply } from '../../../shared/http/reply.ts';
import { PAPER_FORM_CSP, paperFormHtml } from '../../../shared/privacy/paper-form.ts';
import { marketingSettingsStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ query }) =>
  reply(200, paperFormHtml(query.lang, await marketingFooting(marketingSettingsStore())), {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PAPER_FORM_CSP,
  }),
);
