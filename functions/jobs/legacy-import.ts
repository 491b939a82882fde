import { jobHandler } from '../../shared/lambda/job-handler.ts';
import { runLegacyImport } from '../../shared/legacy/run-import.ts';
import { jobLeases, legacyImportStore, memberStore } from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';

/**
 * The move-in of the earlier register, started by hand (`{ "dryRun": true }` to rehearse without
 * changing the table), from a Step Functions loop that invokes it again while it answers `done: false`.
 */
export const handler = jobHandler({
  name: 'legacy import run',
  run: (event: { dryRun?: boolean } | undefined, context) =>
    runLegacyImport({
      members: memberStore(),
      imports: legacyImportStore(),
      leases: jobLeases(),
      files: exchangeBucket(),
      dryRun: event?.dryRun === true,
      ...(context ? { timeLeft: () => context.getRemainingTimeInMillis() } : {}),
    }),
  summary: (run) => ({ done: run.done, dryRun: run.dryRun, skipped: run.skipped, exports: run.exports }),
});
