import * as z from 'zod/mini';

const JobRunView = z.strictObject({
  job: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  outcome: z.enum(['done', 'failed']),
  summary: z.optional(z.record(z.string(), z.unknown())),
  requestedBy: z.optional(z.strictObject({ actor: z.string(), role: z.string(), requestId: z.string() })),
});

export const OperationsView = z.strictObject({
  jobs: z.array(z.strictObject({ job: z.string(), runs: z.array(JobRunView) })),
  unappliedFiles: z.array(
    z.strictObject({
      file: z.string(),
      status: z.string(),
      startedAt: z.string(),
      reason: z.optional(z.string()),
    }),
  ),
});

/** What a card batch run started from the console did; `skipped` when another run was working. */
export const CardBatchRunView = z.object({
  batches: z.array(z.object({ batchId: z.string(), records: z.number() })),
  skipped: z.optional(z.literal('another-run-is-active')),
});
