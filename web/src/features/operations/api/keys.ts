/** The operations feature's query keys: the jobs' last runs (with the files not applied), the card batches. */
export const operationsKeys = {
  jobRuns: ['job-runs'] as const,
  cardBatches: ['card-batches'] as const,
};
