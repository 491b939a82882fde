import { runCardBatch } from '../../shared/cards/run-card-batch.ts';
import { logger } from '../../shared/http/logger.ts';
import { cardStore, jobLeases, memberStore } from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';

/** Nightly at 02:00 Helsinki time, and on demand: pending card orders to batch files for the manufacturer. */
export const handler = async () => {
  const summary = await runCardBatch({
    cards: cardStore(),
    members: memberStore(),
    bucket: exchangeBucket(),
    leases: jobLeases(),
  });
  logger.info('card batch done', { summary });
  return summary;
};
