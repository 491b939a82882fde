import { config } from '../config.ts';

/** The audit check's metric: the handler emits it, the CDK stack alarms on it. */
export const AUDIT_METRICS = {
  namespace: config.metricsNamespace,
  service: 'audit-verify',
  chainFaults: 'AuditChainFaults',
} as const;
