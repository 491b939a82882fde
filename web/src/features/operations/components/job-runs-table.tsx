import { Table } from '../../../components/table.tsx';
import type { AnswerOf } from '../../../lib/api/types.ts';
import { formatInstant } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';

type Job = AnswerOf<'jobRuns'>['jobs'][number];
type Row = { key: string; job: string; first: boolean; run?: Job['runs'][number] };

/** Each job's last runs, newest first, the job named on its first row; a job that never ran shows a dash. */
export function JobRunsTable({ jobs }: { jobs: Job[] }) {
  const { t, language } = useI18n();
  const rows = jobs.flatMap(({ job, runs }): Row[] =>
    runs.length === 0
      ? [{ key: job, job, first: true }]
      : runs.map((run, i) => ({ key: `${job}-${run.startedAt}-${i}`, job, first: i === 0, run })),
  );
  return (
    <Table
      columns={[
        { header: t('job'), rowHeader: true, cell: ({ job, first }) => (first ? job : '') },
        { header: t('when'), cell: ({ run }) => (run ? formatInstant(run.startedAt, language) : '—') },
        { header: t('outcome'), cell: ({ run }) => run?.outcome },
        { header: t('counts'), cell: ({ run }) => summaryText(run?.summary) },
        {
          header: t('by'),
          // Who asked, and with what (a dry run); the schedule asks with nothing.
          cell: ({ run }) =>
            run &&
            [run.requestedBy?.role ?? t('schedule'), summaryText(run.input)].filter(Boolean).join(', '),
        },
      ]}
      rows={rows}
      rowKey={(row) => row.key}
    />
  );
}

/** A run's summary as short text: its figures, and nothing that could be markup. */
function summaryText(summary: Record<string, unknown> | undefined): string {
  if (!summary) return '';
  return Object.entries(summary)
    .filter(([, value]) => typeof value !== 'object' || value === null)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join(', ');
}
