import { runCardBatch } from '../../shared/cards/run-card-batch.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { cardStore, jobLeases, memberStore } from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';

/** Nightly at 02:00 Helsinki time, and on demand: pending card orders to batch files for the manufacturer. */
export const entry = jobEntry({
  job: 'card-batch',
  name: 'card batch',
  run: () =>
    runCardBatch({
      cards: cardStore(),
      members: memberStore(),
      files: exchangeBucket(),
      leases: jobLeases(),
    }),
  figures: (run) => ({
    batches: run.batches.length,
    cards: run.batches.reduce((sum, batch) => sum + batch.records, 0),
    ...run.waiting,
    deceased: run.ended.deceased,
    ...(run.skipped ? { skipped: run.skipped } : {}),
  }),
});

export const handler = jobHandler(entry);
