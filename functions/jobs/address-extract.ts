import { runAddressExtract } from '../../shared/addresses/extract.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { memberStore } from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';

/** Monthly, and on demand: the members the address update service should check. */
export const entry = jobEntry({
  job: 'address-extract',
  name: 'address extract',
  run: () => runAddressExtract({ members: memberStore(), files: exchangeBucket() }),
});

export const handler = jobHandler(entry);
