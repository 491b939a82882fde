import { EXCHANGE_PREFIXES, type ExchangePrefix } from '../exchange/layout.ts';
import { ADDRESS_METRICS } from '../addresses/metrics.ts';
import type { TableAction } from './route.ts';
import { AUDIT_METRICS } from '../privacy/metrics.ts';

/**
 * Scheduled jobs, jobs that routes ask for, S3-triggered handlers and the stream's reader of job
 * requests: read by the CDK stack (schedules, bucket notifications, the stream) and by the local
 * runtime (`npm run job`, s3rver events, job requests), so the two cannot drift.
 */
export interface JobSpec {
  /** Entry point under functions/, without extension. */
  handler: string;
  description: string;
  /** Local time in Europe/Helsinki; a job without one is started by hand. */
  schedule?: { hour: number; minute: number; day?: string };
  tableActions: readonly TableAction[];
  /** `list`: prefixes the job may list (ListBucket with an s3:prefix condition). */
  bucket: {
    read?: readonly ExchangePrefix[];
    write?: readonly ExchangePrefix[];
    list?: readonly ExchangePrefix[];
  };
  /**
   * A job that may need more than one invocation: a Step Functions loop invokes it again while it
   * answers `{ done: false }`, and `npm run job` does the same.
   */
  runsUntilDone?: boolean;
  /**
   * Also asked for by an API route (RouteSpec.startsJob): the request, written to the table, is
   * handed from its stream to the job's function, invoked asynchronously (retried twice, then its
   * on-failure queue).
   */
  startedByApi?: boolean;
  /**
   * The processor may run it on demand from the console (POST /job-runs/{job}), with these inputs:
   * upkeep the schedule does, done now (a file came late, a run failed), or a job run only by hand.
   */
  onDemand?: { inputs?: readonly OnDemandInput[] };
  /** Sends the register's mail (SES): it may send from the register's identity, and nothing else. */
  sendsMail?: boolean;
  /** Sends the register's text messages (End User Messaging SMS): from its number, and nothing else. */
  sendsTexts?: boolean;
  /** Invoked by SNS for each reply to the register's text messages (STOP). */
  textReplies?: boolean;
  /** Invoked by EventBridge for the SES events of the register's configuration set (bounces, complaints, deliveries). */
  sesEvents?: boolean;
  /** Seals unsubscribe links: it may read their key's secret, and the API's URL is in its environment. */
  readsUnsubscribeKey?: boolean;
  /** The job's own metrics (Powertools, dimension `service`) that raise an alarm when they reach 1. */
  alarms?: readonly { namespace: string; service: string; metric: string; description: string }[];
}

/** What a run on demand may be given: a dry run counts what it would do and writes nothing. */
export const ON_DEMAND_INPUTS = ['dryRun'] as const;
export type OnDemandInput = (typeof ON_DEMAND_INPUTS)[number];

export const jobs = {
  'account-notice': {
    handler: 'jobs/account-notice',
    description:
      'A notice about a member’s sign-in account, by email: a link by card, a membership taken back',
    tableActions: ['GetItem', 'DeleteItem'],
    bucket: {},
    startedByApi: true,
    sendsMail: true,
  },
  benefits: {
    handler: 'jobs/benefits',
    description:
      'The benefit statements of the month that closed last (from the 3rd of the next), one per buyer, written once, a segment at a time',
    schedule: { hour: 3, minute: 30 },
    tableActions: [
      'GetItem',
      'PutItem',
      'UpdateItem',
      'DeleteItem',
      'ConditionCheckItem',
      'Query',
      'BatchGetItem',
    ],
    bucket: {},
    runsUntilDone: true,
    startedByApi: true,
    onDemand: {},
  },
  'benefit-payout': {
    handler: 'jobs/benefit-payout',
    description: 'The month’s benefit payout file for the payment partner, once the statements are written',
    schedule: { hour: 5, minute: 30 },
    tableActions: [
      'GetItem',
      'PutItem',
      'UpdateItem',
      'DeleteItem',
      'ConditionCheckItem',
      'Query',
      'BatchGetItem',
    ],
    bucket: { write: [EXCHANGE_PREFIXES.benefitPayouts] },
    startedByApi: true,
    onDemand: {},
  },
  'card-batch': {
    handler: 'jobs/card-batch',
    description: 'Pending card orders to batch files for the card manufacturer',
    schedule: { hour: 2, minute: 0 },
    tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchGetItem'],
    // Writes batches; never reads what the manufacturer sends.
    bucket: { write: [EXCHANGE_PREFIXES.cardBatches] },
    startedByApi: true,
    onDemand: {},
  },
  'address-refresh': {
    handler: 'jobs/address-refresh',
    description: 'Population register address updates applied to members, with a report per file',
    schedule: { hour: 3, minute: 0 },
    tableActions: [
      'GetItem',
      'PutItem',
      'UpdateItem',
      'DeleteItem',
      'Query',
      'BatchGetItem',
      'BatchWriteItem',
    ],
    bucket: {
      read: [EXCHANGE_PREFIXES.addressUpdates],
      list: [EXCHANGE_PREFIXES.addressUpdates],
      write: [EXCHANGE_PREFIXES.addressReports],
    },
    runsUntilDone: true,
    // A file that came late, applied now: each invocation that ends short asks for the next.
    startedByApi: true,
    onDemand: {},
    alarms: [
      {
        ...ADDRESS_METRICS,
        metric: ADDRESS_METRICS.linesInReview,
        description: 'Address update lines wait in review (see the file report)',
      },
      {
        ...ADDRESS_METRICS,
        metric: ADDRESS_METRICS.filesUnapplied,
        description: 'An address update file is rejected or not applied',
      },
    ],
  },
  'address-extract': {
    handler: 'jobs/address-extract',
    description: 'The members the address update service should check, as a fixed-width file',
    schedule: { hour: 1, minute: 0, day: '1' },
    // Scan for the members; a run's record put, and a run asked for cleared when it ends.
    tableActions: ['Scan', 'PutItem', 'DeleteItem'],
    bucket: { write: [EXCHANGE_PREFIXES.addressExtracts] },
    startedByApi: true,
    onDemand: {},
  },
  retention: {
    handler: 'jobs/retention',
    description: 'Erasures that are due: deceased members after 12 months, erasure requests after their days',
    schedule: { hour: 4, minute: 0 },
    tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchWriteItem'],
    bucket: {},
    startedByApi: true,
    onDemand: {},
  },
  statistics: {
    handler: 'jobs/statistics',
    description:
      'The register’s figures for the reports: one pass over the table, small anonymous items, no figure about fewer than five members',
    schedule: { hour: 4, minute: 30 },
    tableActions: ['Scan', 'PutItem', 'DeleteItem'],
    bucket: {},
    startedByApi: true,
    onDemand: {},
  },
  'audit-verify': {
    handler: 'jobs/audit-verify',
    description: 'Checks every member’s audit hash chain for edited or removed entries',
    schedule: { hour: 5, minute: 0 },
    tableActions: ['Scan', 'Query', 'PutItem', 'DeleteItem'],
    bucket: {},
    startedByApi: true,
    onDemand: {},
    alarms: [
      {
        ...AUDIT_METRICS,
        metric: AUDIT_METRICS.chainFaults,
        description: 'An audit entry was edited or removed (see the audit-verify log)',
      },
    ],
  },
  reindex: {
    handler: 'jobs/reindex',
    description:
      'Once after an upgrade, by hand: every profile’s search index entries and mirrored work queue items brought up to date',
    // GetItem: a dry run reads what a run would write.
    tableActions: ['Scan', 'GetItem', 'UpdateItem', 'PutItem', 'DeleteItem'],
    bucket: {},
    startedByApi: true,
    onDemand: { inputs: ['dryRun'] },
  },
  'campaign-audience': {
    handler: 'jobs/campaign-audience',
    description:
      'A campaign’s audience, started by POST /campaigns/{id}/audience: contacts recorded page by page (each while its member is one), resumed from the last page when retried',
    tableActions: ['GetItem', 'PutItem', 'ConditionCheckItem', 'Query', 'BatchGetItem', 'BatchWriteItem'],
    bucket: { write: [EXCHANGE_PREFIXES.marketingExports] },
    startedByApi: true,
  },
  'campaign-send': {
    handler: 'jobs/campaign-send',
    description:
      'A computed email or SMS campaign sent, started by POST /campaigns/{id}/send: each message claimed on its contact before it goes (never twice), at the configured rate, page by page; near its time a run asks for the next',
    tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'Query', 'BatchGetItem'],
    bucket: {},
    startedByApi: true,
    sendsMail: true,
    sendsTexts: true,
    readsUnsubscribeKey: true,
  },
  'marketing-events': {
    handler: 'jobs/marketing-events',
    description:
      'SES events through EventBridge (a hard bounce marks the email undeliverable, a complaint withdraws the email consent) and replies to text messages through SNS (a STOP withdraws the text-message consent)',
    tableActions: ['GetItem', 'PutItem', 'DeleteItem', 'Query'],
    bucket: {},
    sesEvents: true,
    textReplies: true,
  },
  'legacy-import': {
    handler: 'jobs/legacy-import',
    description: 'The earlier register’s export moved in, by hand: { "dryRun": true } changes nothing',
    tableActions: [
      'GetItem',
      'PutItem',
      'UpdateItem',
      'DeleteItem',
      'ConditionCheckItem',
      'Query',
      'BatchGetItem',
    ],
    bucket: {
      read: [EXCHANGE_PREFIXES.legacyExports, EXCHANGE_PREFIXES.legacyReports],
      list: [EXCHANGE_PREFIXES.legacyExports, EXCHANGE_PREFIXES.legacyReports],
      write: [EXCHANGE_PREFIXES.legacyReports],
    },
    runsUntilDone: true,
  },
} as const satisfies Record<string, JobSpec>;

export type JobName = keyof typeof jobs;
/** The jobs the processor may run on demand, in the contract's order. */
export const ON_DEMAND_JOBS = Object.entries(jobs)
  .filter(([, job]) => 'onDemand' in job)
  .map(([name]) => name) as [JobName, ...JobName[]];
/** The inputs a job run on demand takes. */
export const onDemandInputs = (job: string): readonly OnDemandInput[] => {
  const spec: JobSpec | undefined = jobs[job as JobName];
  return spec?.onDemand?.inputs ?? [];
};

export interface ObjectEventSpec {
  /** Its name among the jobs' runs. */
  job: string;
  /** Objects created under this prefix of the exchange bucket trigger the handler. */
  prefix: ExchangePrefix;
  handler: string;
  description: string;
  tableActions: JobSpec['tableActions'];
  bucket: JobSpec['bucket'];
}

export const objectEvents = [
  {
    job: 'card-ack',
    prefix: EXCHANGE_PREFIXES.cardAcks,
    handler: 'events/card-ack',
    description: 'The card manufacturer’s acknowledgements, applied line by line',
    tableActions: ['GetItem', 'UpdateItem', 'PutItem', 'DeleteItem', 'ConditionCheckItem', 'Query'],
    bucket: { read: [EXCHANGE_PREFIXES.cardAcks], write: [EXCHANGE_PREFIXES.cardAckReports] },
  },
  {
    job: 'payout-ack',
    prefix: EXCHANGE_PREFIXES.benefitPayoutAcks,
    handler: 'events/payout-ack',
    description: 'The payment partner’s answers to benefit payouts, applied line by line',
    tableActions: ['GetItem', 'UpdateItem', 'PutItem'],
    bucket: { read: [EXCHANGE_PREFIXES.benefitPayoutAcks], write: [EXCHANGE_PREFIXES.benefitPayoutReports] },
  },
] as const satisfies readonly ObjectEventSpec[];

/** Every job and object event whose runs are recorded, in the order the processor's view lists them. */
export const JOB_NAMES: readonly string[] = [...Object.keys(jobs), ...objectEvents.map((event) => event.job)];

/**
 * The table stream's one reader: it hands each job request a route writes (RouteSpec.startsJob) to
 * the job's function, invoked asynchronously.
 */
export const jobRequestHandler = {
  handler: 'events/job-requests',
  description: 'Hands each job request a route writes to the table to its job’s function',
  tableActions: ['GetItem'],
} as const satisfies { handler: string; description: string; tableActions: readonly TableAction[] };

/** The environment variable that names a job's function to the job-requests function. */
export const jobFunctionVariable = (job: string) => `JOB_FUNCTION_${job.toUpperCase().replaceAll('-', '_')}`;
