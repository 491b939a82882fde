import { ADDRESS_METRICS } from '../../shared/addresses/metrics.ts';
import { runAddressRefresh } from '../../shared/addresses/run-refresh.ts';
import { AnotherRunActive } from '../../shared/jobs/lease.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { addressJobStore, jobLeases, memberStore } from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';

/**
 * Nightly at 03:00 Helsinki time, from a Step Functions loop that invokes it again while it answers
 * `done: false` (a file larger than one invocation resumes from its checkpoint).
 */
export const entry = jobEntry({
  job: 'address-refresh',
  name: 'address refresh run',
  run: async (_event: unknown, context) => {
    const run = await runAddressRefresh({
      members: memberStore(),
      jobs: addressJobStore(),
      leases: jobLeases(),
      files: exchangeBucket(),
      ...(context ? { timeLeft: () => context.getRemainingTimeInMillis() } : {}),
    });
    if (run.skipped) throw new AnotherRunActive('another run holds the lease');
    return run;
  },
  summary: (run) => ({
    done: run.done,
    unapplied: run.unapplied,
    inReview: run.inReview,
    files: run.files.map(({ key, status, counts }) => ({ file: key.split('/').pop(), status, counts })),
  }),
  metrics: {
    ...ADDRESS_METRICS,
    of: (run) => ({
      [ADDRESS_METRICS.linesInReview]: run.inReview,
      ...(run.done ? { [ADDRESS_METRICS.filesUnapplied]: run.unapplied } : {}),
    }),
  },
});

export const handler = jobHandler(entry);
