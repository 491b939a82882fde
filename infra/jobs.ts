/**
 * Scheduled jobs and S3-triggered handlers: read by the CDK stack (schedules, bucket notifications)
 * and by the local runtime (`npm run job`, s3rver events), so the two cannot drift.
 */
export interface JobSpec {
  /** Entry point under functions/, without extension. */
  handler: string;
  description: string;
  /** Local time in Europe/Helsinki. */
  schedule: { hour: number; minute: number; day?: string };
  tableActions: readonly ('GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'Query' | 'BatchGetItem')[];
  bucket: { read?: readonly string[]; write?: readonly string[] };
}

export const jobs = {
  'card-batch': {
    handler: 'jobs/card-batch',
    description: 'Pending card orders to batch files for the card manufacturer',
    schedule: { hour: 2, minute: 0 },
    tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchGetItem'],
    // Writes batches; never reads what the manufacturer sends.
    bucket: { write: ['card-orders/outbound/'] },
  },
} as const satisfies Record<string, JobSpec>;

/** Jobs whose issues have not landed yet, named so that `npm run job` can say so. */
export const PLANNED_JOBS = {
  'address-refresh': 'the nightly address refresh (issue 6)',
  retention: 'retention (issue 7)',
} as const;

export interface ObjectEventSpec {
  /** Objects created under this prefix of the exchange bucket trigger the handler. */
  prefix: string;
  handler: string;
  description: string;
  tableActions: JobSpec['tableActions'];
  bucket: JobSpec['bucket'];
}

export const objectEvents = [
  {
    prefix: 'card-orders/inbound/',
    handler: 'events/card-ack',
    description: 'The card manufacturer’s acknowledgements, applied line by line',
    tableActions: ['GetItem', 'UpdateItem', 'PutItem', 'DeleteItem', 'Query'],
    bucket: { read: ['card-orders/inbound/'], write: ['card-orders/reports/'] },
  },
] as const satisfies readonly ObjectEventSpec[];
