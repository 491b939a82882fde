import { logger } from '../../shared/http/logger.ts';
import { runRetention } from '../../shared/privacy/retention.ts';
import { memberPrivacyStore } from '../../shared/store/default-privacy-store.ts';

/** Nightly at 04:00 Helsinki time: erasures that are due (deceased members, waiting erasure requests). */
export const handler = async () => {
  const summary = await runRetention({ members: memberPrivacyStore() });
  logger.info('retention done', { summary });
  return summary;
};
