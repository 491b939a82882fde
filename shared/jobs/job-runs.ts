import type { AddressFileState } from '../addresses/address-job-store.ts';

/** What a run asked for is given: a campaign's id, a dry run. */
export type JobInput = Record<string, string | boolean>;

/** One run of a job, as the processor's view shows it: no personal data, as in the job's log line. */
export interface JobRun {
  job: string;
  startedAt: string;
  finishedAt: string;
  outcome: 'done' | 'failed';
  /** The run's summary (counts, keys of the files it wrote), or for a failure the error's name. */
  summary?: Record<string, unknown>;
  /** A run started from the console: who asked. */
  requestedBy?: { actor: string; role: string; requestId: string };
  /** What a run asked for was given (a dry run, a campaign's id). */
  input?: JobInput;
}

export interface JobRunStore {
  record(run: JobRun): Promise<void>;
  /** The newest runs of a job first: those on its schedule, or those someone asked for. */
  recent(job: string, limit: number, requested: boolean): Promise<JobRun[]>;
}

export const RUNS_SHOWN = 5;

/** The jobs' last runs, and the address files the register has not applied (rejected or stopped midway). */
export async function readOperations(
  jobNames: readonly string[],
  deps: { runs: JobRunStore; addressFiles: () => Promise<AddressFileState[]> },
) {
  // The schedule's runs and those asked for, each their newest: many presses never hide the night's run.
  const jobs = await Promise.all(
    jobNames.map(async (job) => {
      const [scheduled, requested] = await Promise.all([
        deps.runs.recent(job, RUNS_SHOWN, false),
        deps.runs.recent(job, RUNS_SHOWN, true),
      ]);
      return {
        job,
        runs: [...scheduled, ...requested].sort((a, b) => b.startedAt.localeCompare(a.startedAt)),
      };
    }),
  );
  const unappliedFiles = (await deps.addressFiles())
    .filter((file) => file.status !== 'applied')
    .map((file) => ({
      file: file.key,
      status: file.status,
      startedAt: file.startedAt,
      ...(file.reason ? { reason: file.reason } : {}),
    }));
  return { jobs, unappliedFiles };
}
