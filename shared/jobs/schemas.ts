import * as z from 'zod/mini';

const JobRunView = z.strictObject({
  job: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  outcome: z.enum(['done', 'failed']),
  summary: z.optional(z.record(z.string(), z.unknown())),
  requestedBy: z.optional(z.strictObject({ actor: z.string(), role: z.string(), requestId: z.string() })),
  /** What a run asked for was given (a dry run, a campaign). */
  input: z.optional(z.record(z.string(), z.union([z.string(), z.boolean()]))),
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

/** A run asked for from the console: it shows in the job runs when it ends, its record naming the request's id. */
export const JobRequestedView = z.strictObject({
  job: z.string(),
  requestedAt: z.string(),
  requestId: z.string(),
  /** A run asked for earlier had not ended: this press answers with that one and asks for nothing. */
  alreadyPending: z.boolean(),
});
