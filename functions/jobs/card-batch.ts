import { runCardBatch } from '../../shared/cards/run-card-batch.ts';
import { logger } from '../../shared/http/logger.ts';
import { cardStore, exchangeBucket, memberStore } from '../../shared/store/default-stores.ts';

/** Nightly at 02:00 Helsinki time, and on demand: pending card orders to batch files for the manufacturer. */
export const handler = async () => {
  const summary = await runCardBatch({
    cards: cardStore(),
    members: memberStore(),
    bucket: exchangeBucket(),
  });
  logger.info('card batch done', { summary });
  return summary;
};
