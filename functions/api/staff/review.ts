import { accessReview as route } from '../../../shared/contract/routes/staff.ts';
import { accessReview, accessReviewCsv } from '../../../shared/accounts/staff.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { csvReply } from '../../../shared/http/reply.ts';
import { staffDeps } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ query }) => {
  const deps = staffDeps();
  return query.format === 'csv' ? csvReply(await accessReviewCsv(deps)) : accessReview(deps);
});
