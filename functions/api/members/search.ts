import { searchMembers as route } from '../../../shared/contract/routes/members.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { searchMembers } from '../../../shared/members/search.ts';
import { memberSearchStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, query }) =>
  searchMembers(caller, query, memberSearchStore()),
);
