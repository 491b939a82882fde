import { useMemo } from 'react';
import { BarChart, type Bars } from '../../../components/bar-chart.tsx';
import { ErrorNote } from '../../../components/error-note.tsx';
import { Section } from '../../../components/section.tsx';
import { Table, type Column } from '../../../components/table.tsx';
import { nameOf } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { useDownloadTable, type ReportTable } from '../api/use-reports.ts';
import { columnTitle, labelOf } from '../labels.ts';

type Row = ReportTable['rows'][number];

/** One table of a report: bars per row, one series per figure column, the table beside them, its CSV. */
export function FigureTable({ report, table }: { report: string; table: ReportTable }) {
  const { t, language } = useI18n();
  const title = nameOf(table.title, language);
  const download = useDownloadTable(report, table.id);
  const bars = useMemo<Bars>(
    () => ({
      labels: table.rows.map((row) => labelOf(row.label, language)),
      // A suppressed cell ("< 5") is a gap, never a small bar.
      series: table.columns.slice(1).map((column, i) => ({
        label: columnTitle(column, language),
        values: table.rows.map((row) => {
          const value = row.cells[i];
          return typeof value === 'number' ? value : null;
        }),
      })),
    }),
    [table, language],
  );
  return (
    <Section id={table.id} title={title}>
      <div className="figure">
        <BarChart title={title} bars={bars} />
        <Table
          columns={table.columns.map((column, i): Column<Row> =>
            i === 0
              ? {
                  header: columnTitle(column, language),
                  rowHeader: true,
                  cell: (row) => labelOf(row.label, language),
                }
              : { header: columnTitle(column, language), cell: (row) => row.cells[i - 1] },
          )}
          rows={table.rows}
          rowKey={(row) => row.label}
        />
      </div>
      <button type="button" onClick={() => download.mutate()} disabled={download.isPending}>
        {t('downloadTable')}
      </button>
      {download.isError && <ErrorNote error={download.error} />}
    </Section>
  );
}
