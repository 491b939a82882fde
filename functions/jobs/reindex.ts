import { reindexMembers } from '../../shared/members/reindex.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { memberStore, purchaseStore } from '../../shared/store/default-stores.ts';

/** By hand, once after an upgrade: what the register derives from profiles brought up to date. */
export const entry = jobEntry({
  job: 'reindex',
  name: 'members reindexed',
  run: () => reindexMembers({ members: memberStore(), purchases: purchaseStore() }),
});

export const handler = jobHandler(entry);
