import type { operations } from './api/schema.ts';

type Operations = operations['jobRuns']['responses'][200]['content']['application/json'];
export type Asked = operations['runCardBatchNow']['responses'][202]['content']['application/json'];

/**
 * How long a run asked for may take to show: three attempts of the job's 15 minutes (Lambda retries
 * a failed one twice, a minute or two apart), and a margin.
 */
export const SHOWN_WITHIN_MS = 50 * 60 * 1000;

export type RunState = 'waiting' | 'retrying' | 'done' | 'skipped' | 'failed' | 'not-shown';

/** Where the run asked for stands, by the runs that name its request: the page reads the runs again while it is pending. */
export function runState(view: Operations | undefined, asked: Asked, now = Date.now()): RunState {
  const runs =
    view?.jobs
      .find((listed) => listed.job === asked.job)
      ?.runs.filter((run) => run.requestedBy?.requestId === asked.requestId) ?? [];
  const done = runs.find((run) => run.outcome === 'done');
  if (done) return done.summary?.skipped ? 'skipped' : 'done';
  const late = now - Date.parse(asked.requestedAt) > SHOWN_WITHIN_MS;
  if (runs.length > 0) return late ? 'failed' : 'retrying';
  return late ? 'not-shown' : 'waiting';
}

export const isPending = (state: RunState) => state === 'waiting' || state === 'retrying';
