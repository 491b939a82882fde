import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { AnotherRunActive } from '../../shared/jobs/lease.ts';
import { runLegacyImport } from '../../shared/legacy/run-import.ts';
import { jobLeases, legacyImportStore, memberStore } from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';

/**
 * The move-in of the earlier register, started by hand (`{ "dryRun": true }` to rehearse without
 * changing the table), from a Step Functions loop that invokes it again while it answers `done: false`.
 */
export const entry = jobEntry({
  job: 'legacy-import',
  name: 'legacy import run',
  run: async (event: { dryRun?: boolean } | undefined, context) => {
    const run = await runLegacyImport({
      members: memberStore(),
      imports: legacyImportStore(),
      leases: jobLeases(),
      files: exchangeBucket(),
      dryRun: event?.dryRun === true,
      ...(context ? { timeLeft: () => context.getRemainingTimeInMillis() } : {}),
    });
    if (run.skipped) throw new AnotherRunActive('another run holds the lease');
    return run;
  },
  summary: (run) => ({ done: run.done, dryRun: run.dryRun, skipped: run.skipped, exports: run.exports }),
});

export const handler = jobHandler(entry);
