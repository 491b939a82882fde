import type { Caller } from '../auth/caller.ts';
import type { JobInput, JobRun } from './job-runs.ts';
import { invalid } from '../refusal.ts';

/** A run asked for by a route: the job's name in the contract (shared/contract/jobs.ts), its input, who asked. */
export interface JobRequest {
  job: string;
  input?: JobInput;
  requestedBy?: JobRun['requestedBy'];
  /** One pending at a time: the run, when it ends, clears the way for the next request. */
  once?: boolean;
}

/** The request of a job that takes one at a time, waiting for its run to end: when, and who asked. */
export interface PendingRequest {
  requestedAt: string;
  requestedBy: NonNullable<JobRun['requestedBy']>;
}

/**
 * Starts a job outside the request, where time is not limited to API Gateway's 30 s, and returns at
 * once; the job records its run, which names who asked.
 */
export interface JobRequests {
  request(request: JobRequest): Promise<void>;
  /**
   * Asks for a run of a job that takes one at a time, unless one asked for has not yet ended (or
   * lapsed): answers the request that is pending, this one if it was asked for now.
   */
  requestOnce(
    job: string,
    requestedBy: PendingRequest['requestedBy'],
    now: Date,
    input?: JobInput,
  ): Promise<PendingRequest>;
  /** A run asked for once has ended: the next press asks anew. */
  finished(job: string, requestId: string): Promise<void>;
}

export const requestedBy = (caller: Caller): JobRun['requestedBy'] => ({
  actor: caller.actor,
  role: caller.role,
  requestId: caller.requestId,
});

/**
 * The processor's "run now" of a job the schedule runs (or one run only by hand): the inputs the job
 * takes, and nothing else, go with the request.
 */
export function runJobNow(
  job: { name: string; inputs: readonly string[] },
  given: Record<string, boolean>,
  caller: Caller,
  requests: JobRequests,
  now = new Date(),
) {
  const refused = Object.keys(given).filter((name) => !job.inputs.includes(name));
  if (refused.length > 0)
    throw invalid(refused.map((field) => ({ field, message: `is not an input of the ${job.name} job` })));
  const input = Object.keys(given).length > 0 ? given : undefined;
  return requestRun(job.name, caller, requests, now, input);
}

/**
 * Asks for a run of a job now, as its schedule would start it, with the input given, unless a run
 * asked for is still to end: pressing again answers with that one (and its input). The run shows in
 * the processor's view, its record naming the request's id and who asked.
 */
async function requestRun(
  job: string,
  caller: Caller,
  requests: JobRequests,
  now = new Date(),
  input?: JobInput,
) {
  const pending = await requests.requestOnce(job, requestedBy(caller)!, now, input);
  return {
    job,
    requestedAt: pending.requestedAt,
    requestId: pending.requestedBy.requestId,
    alreadyPending: pending.requestedBy.requestId !== caller.requestId,
  };
}
