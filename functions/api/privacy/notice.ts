import { privacyNotice as route } from '../../../shared/contract/routes/privacy.ts';
import { marketingFooting } from '../../../shared/campaigns/marketing-settings.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { reply } from '../../../shared/http/reply.ts';
import { deployedDataLocation } from '../../../shared/lambda/data-location.ts';
import { noticeHtml, privacyNotice } from '../../../shared/privacy/notice.ts';
import { marketingSettingsStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ query }) => {
  const notice = privacyNotice(
    query.lang,
    deployedDataLocation(),
    await marketingFooting(marketingSettingsStore()),
  );
  return query.format === 'json'
    ? notice
    : reply(200, noticeHtml(notice), { 'content-type': 'text/html; charset=utf-8' });
});
