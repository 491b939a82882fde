import { reindexMembers } from '../../shared/members/reindex.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { memberStore, purchaseStore } from '../../shared/store/default-stores.ts';

/**
 * By hand, once after an upgrade: what the register derives from profiles brought up to date
 * (`{ "dryRun": true }` counts what it would change and writes nothing).
 */
export const entry = jobEntry({
  job: 'reindex',
  name: 'members reindexed',
  run: (event: { dryRun?: boolean } | undefined) =>
    reindexMembers(
      { members: memberStore(), purchases: purchaseStore() },
      { dryRun: event?.dryRun === true },
    ),
});

export const handler = jobHandler(entry);
