import { findMembers as route } from '../../../shared/contract/routes/members.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { findMembers } from '../../../shared/members/find.ts';
import { memberView } from '../../../shared/members/member.ts';
import { memberStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, query }) => ({
  members: (await findMembers(caller, query, memberStore())).map((m) => memberView(m, false)),
}));
