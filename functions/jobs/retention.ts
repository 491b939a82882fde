import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { runRetention } from '../../shared/privacy/retention.ts';
import { memberPrivacyStore } from '../../shared/store/default-privacy-store.ts';

/** Nightly at 04:00 Helsinki time: erasures that are due (deceased members, waiting erasure requests). */
export const entry = jobEntry({
  job: 'retention',
  name: 'retention',
  run: () => runRetention({ members: memberPrivacyStore() }),
});

export const handler = jobHandler(entry);
