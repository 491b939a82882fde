import { useEffect, useState } from 'react';
import { ErrorNote } from '../../../components/error-note.tsx';
import { Section } from '../../../components/section.tsx';
import { may } from '../../../lib/auth/authorization.ts';
import { useSession } from '../../../lib/auth/auth-provider.tsx';
import { formatInstant } from '../../../lib/format.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import { ON_DEMAND_JOBS } from '../../../lib/generated/code-lists.ts';
import { useJobRuns, useRefreshCardBatches, useRunJob, type OnDemandJob } from '../api/use-operations.ts';
import { isPending, runState, SHOWN_WITHIN_MS, type RunState } from '../run-state.ts';
import { CardBatchesTable } from './card-batches-table.tsx';
import { JobRunsTable } from './job-runs-table.tsx';

const RUN_STATE_TEXT: Record<RunState, MessageKey> = {
  waiting: 'runStarted',
  retrying: 'runRetrying',
  done: 'done',
  skipped: 'anotherRunActive',
  failed: 'runFailed',
  'not-shown': 'runNotShown',
};

const JOBS = Object.keys(ON_DEMAND_JOBS) as OnDemandJob[];

/** The processor's view: run a job now, the jobs' last runs, the batches, the files not applied. */
export function OperationsPage() {
  const { t, language } = useI18n();
  const { roles } = useSession();
  // The run starts at once but outside the request: the runs are read again until it shows, or
  // until its retries are over by this page's clock.
  const [late, setLate] = useState(false);
  const runNow = useRunJob(() => setLate(false));
  const [job, setJob] = useState<OnDemandJob>('card-batch');
  const [dryRun, setDryRun] = useState(false);
  const takesDryRun = (ON_DEMAND_JOBS[job].inputs as readonly string[]).includes('dryRun');
  const asked = runNow.data;
  useEffect(() => {
    if (!asked) return;
    const timer = setTimeout(() => setLate(true), SHOWN_WITHIN_MS);
    return () => clearTimeout(timer);
  }, [asked]);
  const view = useJobRuns((runs) => !!asked && isPending(runState(runs, asked, late)));
  const state = asked && runState(view.data, asked, late);
  const refreshBatches = useRefreshCardBatches();
  useEffect(() => {
    if (state && !isPending(state)) void refreshBatches();
  }, [state, refreshBatches]);
  return (
    <>
      <h1>{t('operations')}</h1>
      {may(roles, 'runJobNow') && (
        <form
          className="actions"
          onSubmit={(e) => {
            e.preventDefault();
            runNow.mutate({ job, ...(takesDryRun ? { dryRun } : {}) });
          }}
        >
          <label htmlFor="job-to-run">{t('jobToRun')}</label>
          <select
            id="job-to-run"
            value={job}
            aria-describedby="job-to-run-help"
            onChange={(e) => setJob(e.target.value as OnDemandJob)}
          >
            {JOBS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          {takesDryRun && (
            <label>
              <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />{' '}
              {t('dryRun')}
            </label>
          )}
          <button type="submit" className="primary" disabled={runNow.isPending}>
            {t('runNow')}
          </button>
          {state && (
            <span role="status">
              {asked.alreadyPending && state === 'waiting'
                ? `${t('runAlreadyAsked')} ${formatInstant(asked.requestedAt, language)}.`
                : t(RUN_STATE_TEXT[state])}
            </span>
          )}
          {runNow.isError && <ErrorNote error={runNow.error} />}
          <p id="job-to-run-help" className="help">
            {ON_DEMAND_JOBS[job].description}
          </p>
        </form>
      )}
      {view.isError && <ErrorNote error={view.error} />}
      <Section id="runs" title={t('jobRuns')}>
        {view.data && <JobRunsTable jobs={view.data.jobs} />}
      </Section>
      <Section id="batches" title={t('cardBatches')}>
        <CardBatchesTable />
      </Section>
      <Section id="files" title={t('unappliedFiles')}>
        {view.data && view.data.unappliedFiles.length === 0 && <p>{t('queueEmpty')}</p>}
        <ul>
          {view.data?.unappliedFiles.map((file) => (
            <li key={file.file}>
              <code>{file.file}</code> — {file.status}
              {file.reason ? `: ${file.reason}` : ''} ({formatInstant(file.startedAt, language)})
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
