import type { Caller } from '../auth/caller.ts';
import type { JobRun } from './job-runs.ts';

/** A run asked for by a route: the job's name in the contract (shared/contract/jobs.ts), its input, who asked. */
export interface JobRequest {
  job: string;
  input?: Record<string, string>;
  requestedBy?: JobRun['requestedBy'];
}

/**
 * Starts a job outside the request, where time is not limited to API Gateway's 30 s, and returns at
 * once; the job records its run, which names who asked.
 */
export interface JobRequests {
  request(request: JobRequest): Promise<void>;
}

export const requestedBy = (caller: Caller): JobRun['requestedBy'] => ({
  actor: caller.actor,
  role: caller.role,
  requestId: caller.requestId,
});

/**
 * Asks for a run of a job now, as its schedule would start it. The run shows in the processor's
 * view, its record naming this request's id.
 */
export async function requestRun(job: string, caller: Caller, requests: JobRequests, now = new Date()) {
  await requests.request({ job, requestedBy: requestedBy(caller) });
  return { job, requestedAt: now.toISOString(), requestId: caller.requestId };
}
