import type { Context } from 'aws-lambda';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger } from '../http/logger.ts';
import type { JobInput, JobRun } from '../jobs/job-runs.ts';
import { jobRequests, jobRunStore } from '../store/default-stores.ts';
import type { JobRequestEvent } from './job-dispatch.ts';
import { jobs, type JobSpec } from '../contract/jobs.ts';

export interface JobMetrics<R> {
  namespace: string;
  service: string;
  /** The figures of a run to publish, by metric name; the CDK stack alarms on them. */
  of: (result: R) => Record<string, number>;
}

export interface JobEntry<E, R> {
  /** The job's name in the contract (shared/contract/jobs.ts): its runs are recorded under it. */
  job: string;
  /** Named in the log line of each run. */
  name: string;
  /** Builds the dependencies and makes the one domain call. */
  run: (event: E, context?: Pick<Context, 'getRemainingTimeInMillis'>) => Promise<R>;
  /** What the log line says of a run: counts and keys, never personal data. The whole result by default. */
  summary?: (result: R) => Record<string, unknown>;
  /**
   * What the processor's view keeps of a run: figures only, no customer number (the run records are
   * kept for months, past any erasure). The log line's summary by default.
   */
  figures?: (result: R) => Record<string, unknown>;
  metrics?: JobMetrics<R>;
}

/** One Metrics per job for the life of the Lambda, as a warm invocation reuses it. */
const jobMetrics = new WeakMap<JobEntry<unknown, unknown>, Metrics>();
const metricsOf = (entry: JobEntry<unknown, unknown>) => {
  let metrics = jobMetrics.get(entry);
  if (!metrics) {
    metrics = new Metrics({ namespace: entry.metrics!.namespace, serviceName: entry.metrics!.service });
    jobMetrics.set(entry, metrics);
  }
  return metrics;
};

/**
 * One run of a job: run, publish its metrics, log its summary and record it for the processor's view
 * (a failure too, by the error's name only), answer the result.
 */
export async function runJob<E, R>(
  entry: JobEntry<E, R>,
  event: E,
  context?: Pick<Context, 'getRemainingTimeInMillis'>,
  requestedBy?: JobRun['requestedBy'],
  once = false,
): Promise<R> {
  // A run someone asked for names what it was given (a dry run, a campaign's id).
  const input = requestedBy && event && typeof event === 'object' ? { input: event as JobInput } : {};
  const startedAt = new Date().toISOString();
  // A run that did its work is not failed by its record: a fault there is logged, not thrown.
  const record = (outcome: JobRun['outcome'], summary: Record<string, unknown>) =>
    jobRunStore()
      .record({
        job: entry.job,
        startedAt,
        finishedAt: new Date().toISOString(),
        outcome,
        summary,
        ...(requestedBy ? { requestedBy, ...input } : {}),
      })
      .catch((error: unknown) =>
        logger.error('the job run was not recorded', {
          job: entry.job,
          error: error instanceof Error ? error.name : 'unknown',
        }),
      );
  // A run asked for once clears the way for the next request when it ends, however it ends.
  const finished = () =>
    once && requestedBy
      ? jobRequests()
          .finished(entry.job, requestedBy.requestId)
          .catch(() => logger.error('the pending request was not cleared', { job: entry.job }))
      : undefined;
  let result: R;
  try {
    result = await entry.run(event, context);
  } catch (error) {
    await finished();
    await record('failed', { error: error instanceof Error ? error.name : typeof error }).catch(
      () => undefined,
    );
    throw error;
  }
  const summary = entry.summary?.(result) ?? { summary: result };
  if (entry.metrics) {
    const metrics = metricsOf(entry as JobEntry<unknown, unknown>);
    for (const [name, value] of Object.entries(entry.metrics.of(result))) {
      metrics.addMetric(name, MetricUnit.Count, value);
    }
    metrics.publishStoredMetrics();
  }
  logger.info(`${entry.name} done`, summary);
  await record('done', entry.figures?.(result) ?? summary);
  // A run asked for of a job that runs until done, ended short, asks for the next, as the schedule's
  // loop would invoke it again; the last one clears the way for the next request. (A campaign's
  // sending asks for its own next run.)
  const runsUntilDone = (jobs as Record<string, JobSpec>)[entry.job]?.runsUntilDone === true;
  if (requestedBy && runsUntilDone && (result as { done?: unknown } | undefined)?.done === false) {
    await jobRequests().request({ job: entry.job, requestedBy, once, ...input });
    return result;
  }
  await finished();
  return result;
}

const isJobRequest = (event: unknown): event is JobRequestEvent =>
  typeof event === 'object' && event !== null && 'jobRequest' in event;

/**
 * The one shape of every scheduled job, S3-triggered handler and job a route asks for, beside
 * apiHandler(): a run as runJob() makes it, the result answered (the Step Functions loop reads it).
 * A route's request (job-dispatch.ts) is run with its input, recorded with who asked.
 */
export function jobHandler<E = unknown, R = unknown>(entry: JobEntry<E, R>) {
  // A schedule sends an event; a run by hand (npm run job, the tests) may send none.
  return async (
    event?: E | JobRequestEvent,
    context?: Pick<Context, 'getRemainingTimeInMillis'>,
  ): Promise<R> => {
    if (!isJobRequest(event)) return runJob(entry, event as E, context);
    const { job, input, requestedBy, once } = event.jobRequest;
    if (job !== entry.job) throw new Error(`a request for ${job} reached the ${entry.job} job`);
    return runJob(entry, input as E, context, requestedBy, once);
  };
}

/** A job's entry, typed by its run: the handler runs it on schedule, and the console on demand. */
export const jobEntry = <E, R>(entry: JobEntry<E, R>) => entry;
