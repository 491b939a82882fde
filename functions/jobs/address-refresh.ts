import type { Context } from 'aws-lambda';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { ADDRESS_METRICS } from '../../shared/addresses/metrics.ts';
import { AnotherRunActive, runAddressRefresh } from '../../shared/addresses/run-refresh.ts';
import { logger } from '../../shared/http/logger.ts';
import { addressJobStore, jobLeases, memberStore } from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';

const metrics = new Metrics({ namespace: ADDRESS_METRICS.namespace, serviceName: ADDRESS_METRICS.service });

/**
 * Nightly at 03:00 Helsinki time, from a Step Functions loop that invokes it again while it answers
 * `done: false` (a file larger than one invocation resumes from its checkpoint).
 */
export const handler = async (_event?: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) => {
  const run = await runAddressRefresh({
    members: memberStore(),
    jobs: addressJobStore(),
    leases: jobLeases(),
    bucket: exchangeBucket(),
    ...(context ? { timeLeft: () => context.getRemainingTimeInMillis() } : {}),
  });
  if (run.skipped) throw new AnotherRunActive('another run holds the lease');
  metrics.addMetric(ADDRESS_METRICS.linesInReview, MetricUnit.Count, run.inReview);
  if (run.done) metrics.addMetric(ADDRESS_METRICS.filesUnapplied, MetricUnit.Count, run.unapplied);
  metrics.publishStoredMetrics();
  logger.info('address refresh run', {
    done: run.done,
    unapplied: run.unapplied,
    inReview: run.inReview,
    files: run.files.map(({ key, status, counts }) => ({ file: key.split('/').pop(), status, counts })),
  });
  return run;
};
