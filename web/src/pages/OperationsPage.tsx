import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isPending, runState, SHOWN_WITHIN_MS, type RunState } from '../job-runs.ts';
import { may, ok } from '../api.ts';
import { useApi } from '../App.tsx';
import { useSession } from '../auth.tsx';
import { formatInstant } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { ErrorNote, Section } from './parts.tsx';

/** A run's summary as short text: its figures, and nothing that could be markup. */
function summaryText(summary: Record<string, unknown> | undefined): string {
  if (!summary) return '';
  return Object.entries(summary)
    .filter(([, value]) => typeof value !== 'object' || value === null)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join(', ');
}

const RUN_STATE_TEXT: Record<RunState, MessageKey> = {
  waiting: 'runStarted',
  retrying: 'runRetrying',
  done: 'done',
  skipped: 'anotherRunActive',
  failed: 'runFailed',
  'not-shown': 'runNotShown',
};

export function OperationsPage() {
  const { t, language } = useI18n();
  const { roles } = useSession();
  const api = useApi();
  const queryClient = useQueryClient();
  // The run starts at once but outside the request: the runs are read again until it shows, or
  // until its retries are over by this page's clock.
  const [late, setLate] = useState(false);
  const runNow = useMutation({
    mutationFn: async () => ok(await api.POST('/job-runs/card-batch')),
    onMutate: () => setLate(false),
  });
  const asked = runNow.data;
  useEffect(() => {
    if (!asked) return;
    const timer = setTimeout(() => setLate(true), SHOWN_WITHIN_MS);
    return () => clearTimeout(timer);
  }, [asked]);
  const view = useQuery({
    queryKey: ['job-runs'],
    queryFn: async () => ok(await api.GET('/job-runs')),
    refetchInterval: (query) => (asked && isPending(runState(query.state.data, asked, late)) ? 2000 : false),
  });
  const state = asked && runState(view.data, asked, late);
  useEffect(() => {
    if (state && !isPending(state)) void queryClient.invalidateQueries({ queryKey: ['card-batches'] });
  }, [state, queryClient]);
  const batches = useQuery({
    queryKey: ['card-batches'],
    queryFn: async () => ok(await api.GET('/card-batches', { params: { query: {} } })),
  });
  return (
    <>
      <h1>{t('operations')}</h1>
      {may(roles, 'runCardBatchNow') && (
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => runNow.mutate()}
            disabled={runNow.isPending}
          >
            {t('runCardBatch')}
          </button>
          {state && <span role="status">{t(RUN_STATE_TEXT[state])}</span>}
          {runNow.isError && <ErrorNote error={runNow.error} />}
        </div>
      )}
      {view.isError && <ErrorNote error={view.error} />}
      <Section id="runs" title={t('jobRuns')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('job')}</th>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('outcome')}</th>
              <th scope="col">{t('counts')}</th>
              <th scope="col">{t('by')}</th>
            </tr>
          </thead>
          <tbody>
            {view.data?.jobs.map(({ job, runs }) =>
              runs.length === 0 ? (
                <tr key={job}>
                  <th scope="row">{job}</th>
                  <td colSpan={4}>—</td>
                </tr>
              ) : (
                runs.map((run, i) => (
                  <tr key={`${job}-${run.startedAt}-${i}`}>
                    <th scope="row">{i === 0 ? job : ''}</th>
                    <td>{formatInstant(run.startedAt, language)}</td>
                    <td>{run.outcome}</td>
                    <td>{summaryText(run.summary)}</td>
                    <td>{run.requestedBy?.role ?? t('schedule')}</td>
                  </tr>
                ))
              ),
            )}
          </tbody>
        </table>
      </Section>
      <Section id="batches" title={t('cardBatches')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('batch')}</th>
              <th scope="col">{t('cardStatus')}</th>
              <th scope="col">{t('records')}</th>
              <th scope="col">{t('when')}</th>
            </tr>
          </thead>
          <tbody>
            {(batches.data?.batches ?? []).map((batch) => (
              <tr key={batch.batchId}>
                <th scope="row">{batch.batchId}</th>
                <td>{batch.status}</td>
                <td className="number">{batch.records ?? '—'}</td>
                <td>{formatInstant(batch.deliveredAt ?? batch.createdAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
