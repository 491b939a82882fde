import { privacyNotice as route } from '../../../shared/contract/routes/privacy.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { reply } from '../../../shared/http/reply.ts';
import { deployedDataLocation } from '../../../shared/lambda/data-location.ts';
import { noticeHtml, privacyNotice } from '../../../shared/privacy/notice.ts';

export const handler = apiHandler(route, async ({ query }) => {
  const notice = privacyNotice(query.lang, deployedDataLocation());
  return query.format === 'json'
    ? notice
    : reply(200, noticeHtml(notice), { 'content-type': 'text/html; charset=utf-8' });
});
