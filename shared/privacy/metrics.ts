/** The audit check's metric: the handler emits it, the CDK stack alarms on it. */
export const AUDIT_METRICS = {
  namespace: 'Moymore/Register',
  service: 'audit-verify',
  chainFaults: 'AuditChainFaults',
} as const;
