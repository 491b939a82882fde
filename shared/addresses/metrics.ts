import { config } from '../config.ts';

/** The address refresh's own CloudWatch metrics: the handler emits them, the CDK stack alarms on them. */
export const ADDRESS_METRICS = {
  namespace: config.metricsNamespace,
  service: 'address-refresh',
  linesInReview: 'LinesInReview',
  filesUnapplied: 'FilesUnapplied',
} as const;
