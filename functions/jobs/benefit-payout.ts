import { PAYOUT_JOB, runPayout } from '../../shared/benefits/run-payout.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { rehearsalClock } from '../../shared/lambda/rehearsal.ts';
import { jobLeases, payoutStore, statementStore } from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';

/** Nightly: the month's payout file once its statements are written; other nights it finds nothing new to pay. */
export const entry = jobEntry({
  job: PAYOUT_JOB,
  name: 'benefit payout written',
  run: (event: { asOf?: string } | undefined) => {
    const now = rehearsalClock(event?.asOf);
    return runPayout({
      payouts: payoutStore(),
      statements: statementStore(),
      files: exchangeBucket(),
      leases: jobLeases(),
      ...(now ? { now } : {}),
    });
  },
});

export const handler = jobHandler(entry);
