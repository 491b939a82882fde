import type { AnswerOf } from '../../lib/api/types.ts';

type Operations = AnswerOf<'jobRuns'>;
export type Asked = AnswerOf<'runJobNow', 202>;

/**
 * How long a run asked for may take to show: three attempts of the job's 15 minutes (Lambda retries
 * a failed one twice, a minute or two apart), and a margin.
 */
export const SHOWN_WITHIN_MS = 50 * 60 * 1000;
/** One run, and Lambda's two retries of it. */
const ATTEMPTS = 3;

export type RunState = 'waiting' | 'retrying' | 'done' | 'skipped' | 'failed' | 'not-shown';

/**
 * Where the run asked for stands, by the runs that name its request. A run that did the work wins
 * over one that found another run had the batch (a request may be started twice). `late`: the
 * retries are over by the page's own clock.
 */
export function runState(view: Operations | undefined, asked: Asked, late: boolean): RunState {
  const runs =
    view?.jobs
      .find((listed) => listed.job === asked.job)
      ?.runs.filter((run) => run.requestedBy?.requestId === asked.requestId) ?? [];
  // A run that ended short (done: false) asked for the next: the job is still at work.
  const done = runs.filter((run) => run.outcome === 'done' && run.summary?.done !== false);
  if (done.length > 0) return done.every((run) => run.summary?.skipped) ? 'skipped' : 'done';
  const failed = runs.filter((run) => run.outcome === 'failed').length;
  if (failed >= ATTEMPTS) return 'failed';
  if (late) return runs.length > 0 ? 'failed' : 'not-shown';
  return failed > 0 ? 'retrying' : 'waiting';
}

export const isPending = (state: RunState) => state === 'waiting' || state === 'retrying';
