/** The address refresh's own CloudWatch metrics: the handler emits them, the CDK stack alarms on them. */
export const ADDRESS_METRICS = {
  namespace: 'Moymore/Register',
  service: 'address-refresh',
  linesInReview: 'LinesInReview',
  filesUnapplied: 'FilesUnapplied',
} as const;
