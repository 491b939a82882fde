import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { AUDIT_METRICS } from '../../shared/privacy/metrics.ts';
import { verifyAuditChains } from '../../shared/privacy/retention.ts';
import { memberPrivacyStore } from '../../shared/store/default-privacy-store.ts';

/** Nightly at 05:00 Helsinki time: every member's audit chain; a fault raises an alarm. */
export const entry = jobEntry({
  job: 'audit-verify',
  name: 'audit chains verified',
  run: () => verifyAuditChains({ members: memberPrivacyStore() }),
  // Customer numbers only: which chains to look at, nothing of what they hold.
  summary: ({ members, entries, faults }) => ({ members, entries, faults }),
  figures: ({ members, entries, faults }) => ({ members, entries, faultyChains: faults.length }),
  metrics: { ...AUDIT_METRICS, of: (result) => ({ [AUDIT_METRICS.chainFaults]: result.faults.length }) },
});

export const handler = jobHandler(entry);
