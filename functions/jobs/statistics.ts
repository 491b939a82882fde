import { computeStatistics } from '../../shared/statistics/compute-statistics.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { statisticsStore } from '../../shared/store/default-stores.ts';

/** Nightly: one pass over the table, the reports written as small anonymous items. */
export const entry = jobEntry({
  job: 'statistics',
  name: 'statistics computed',
  run: () => computeStatistics(statisticsStore()),
});

export const handler = jobHandler(entry);
