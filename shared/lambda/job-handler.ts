import type { Context } from 'aws-lambda';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger } from '../http/logger.ts';

export interface JobMetrics<R> {
  namespace: string;
  service: string;
  /** The figures of a run to publish, by metric name; the CDK stack alarms on them. */
  of: (result: R) => Record<string, number>;
}

export interface JobEntry<E, R> {
  /** Named in the log line of each run. */
  name: string;
  /** Builds the dependencies and makes the one domain call. */
  run: (event: E, context?: Pick<Context, 'getRemainingTimeInMillis'>) => Promise<R>;
  /** What the log line says of a run: counts and keys, never personal data. The whole result by default. */
  summary?: (result: R) => Record<string, unknown>;
  metrics?: JobMetrics<R>;
}

/**
 * The one shape of every scheduled job and S3-triggered handler, beside apiHandler(): run, publish
 * the run's metrics, log its summary, answer the result (the Step Functions loop reads it).
 */
export function jobHandler<E = unknown, R = unknown>(entry: JobEntry<E, R>) {
  const metrics =
    entry.metrics && new Metrics({ namespace: entry.metrics.namespace, serviceName: entry.metrics.service });
  // A schedule sends an event; a run by hand (npm run job, the tests) may send none.
  return async (event?: E, context?: Pick<Context, 'getRemainingTimeInMillis'>): Promise<R> => {
    const result = await entry.run(event as E, context);
    if (metrics && entry.metrics) {
      for (const [name, value] of Object.entries(entry.metrics.of(result))) {
        metrics.addMetric(name, MetricUnit.Count, value);
      }
      metrics.publishStoredMetrics();
    }
    logger.info(`${entry.name} done`, entry.summary?.(result) ?? { summary: result });
    return result;
  };
}
