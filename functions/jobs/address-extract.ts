import { runAddressExtract } from '../../shared/addresses/extract.ts';
import { logger } from '../../shared/http/logger.ts';
import { memberStore } from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';

/** Monthly, and on demand: the members the address update service should check. */
export const handler = async () => {
  const summary = await runAddressExtract({ members: memberStore(), bucket: exchangeBucket() });
  logger.info('address extract written', { summary });
  return summary;
};
