import type { Caller } from '../auth/caller.ts';
import type { JobRun } from './job-runs.ts';

/** A run asked for by a route: the job's name in the contract (shared/contract/jobs.ts), its input, who asked. */
export interface JobRequest {
  job: string;
  input?: Record<string, string>;
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
  requestOnce(job: string, requestedBy: PendingRequest['requestedBy'], now: Date): Promise<PendingRequest>;
  /** A run asked for once has ended: the next press asks anew. */
  finished(job: string, requestId: string): Promise<void>;
}

export const requestedBy = (caller: Caller): JobRun['requestedBy'] => ({
  actor: caller.actor,
  role: caller.role,
  requestId: caller.requestId,
});

/**
 * Asks for a run of a job now, as its schedule would start it, unless a run asked for is still to
 * end: pressing again answers with that one. The run shows in the processor's view, its record
 * naming the request's id.
 */
export async function requestRun(job: string, caller: Caller, requests: JobRequests, now = new Date()) {
  const pending = await requests.requestOnce(job, requestedBy(caller)!, now);
  return {
    job,
    requestedAt: pending.requestedAt,
    requestId: pending.requestedBy.requestId,
    alreadyPending: pending.requestedBy.requestId !== caller.requestId,
  };
}
