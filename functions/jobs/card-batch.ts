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
      bucket: exchangeBucket(),
      leases: jobLeases(),
    }),
});

export const handler = jobHandler(entry);
