import { useEffect, useRef } from 'react';
import { NavLink, useParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { operations } from '../lib/generated/schema.ts';
import { ok } from '../api.ts';
import { useApi } from '../App.tsx';
import { MAIN_GROUP_NAMES, PURPOSE_NAMES } from '../lib/generated/code-lists.ts';
import { saveFile } from '../download.ts';
import { formatInstant, nameOf } from '../format.ts';
import { useI18n, type Language } from '../i18n.tsx';
import { ErrorNote, Section } from './parts.tsx';

// Only the bar chart's parts: Chart.js is tree-shakable, and this page is loaded on its own.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

type Report = operations['readReport']['responses'][200]['content']['application/json'];
type ReportTable = Report['tables'][number];
type Text = { fi: string; en: string };

const PALETTE = ['#005a8c', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0f766e', '#a16207', '#475569'];

/** A code as words where a code list names it (purposes, main groups); other labels as they are. */
const labelOf = (code: string, language: Language) =>
  nameOf(
    (PURPOSE_NAMES as Record<string, Text>)[code] ?? (MAIN_GROUP_NAMES as Record<string, Text>)[code],
    language,
  ) ?? code;
/** A column's heading: the code list's name of its code, or the report's own title for it. */
const columnTitle = (column: ReportTable['columns'][number], language: Language) =>
  labelOf(column.id, language) === column.id ? nameOf(column.title, language) : labelOf(column.id, language);

/** The register's figures as charts, each with its table beside it and its CSV. */
export default function FiguresPage() {
  const { report } = useParams();
  const { t, language } = useI18n();
  const api = useApi();
  const list = useQuery({ queryKey: ['reports'], queryFn: async () => ok(await api.GET('/reports')) });
  const chosen = report ?? list.data?.reports[0]?.report;
  return (
    <>
      <h1>{t('figures')}</h1>
      {list.isError && <ErrorNote error={list.error} />}
      <nav aria-label={t('figures')} className="tabs">
        <ul>
          {list.data?.reports.map((r) => (
            <li key={r.report}>
              <NavLink to={`/figures/${r.report}`} aria-current={r.report === chosen ? 'page' : undefined}>
                {nameOf(r.title, language)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {chosen && <ReportView name={chosen} />}
    </>
  );
}

function ReportView({ name }: { name: string }) {
  const { t, language } = useI18n();
  const api = useApi();
  const report = useQuery({
    queryKey: ['report', name],
    queryFn: async () =>
      ok(
        await api.GET('/reports/{report}', {
          params: { path: { report: name as 'members' }, query: {} },
        }),
      ),
  });
  if (report.isPending) return <p role="status">{t('loading')}</p>;
  if (report.isError) return <ErrorNote error={report.error} />;
  return (
    <>
      <p>
        {t('figuresComputed')} {formatInstant(report.data.computedAt, language)}. {t('smallCells')}
      </p>
      {report.data.tables.map((table) => (
        <FigureTable key={table.id} report={name} table={table} />
      ))}
    </>
  );
}

function FigureTable({ report, table }: { report: string; table: ReportTable }) {
  const { t, language } = useI18n();
  const api = useApi();
  const title = nameOf(table.title, language);
  const download = useMutation({
    mutationFn: async () => {
      const csv = ok(
        await api.GET('/reports/{report}', {
          params: { path: { report: report as 'members' }, query: { format: 'csv', table: table.id } },
          parseAs: 'text',
        }),
      );
      saveFile(csv, 'text/csv;charset=utf-8', `${table.id}.csv`);
    },
  });
  return (
    <Section id={table.id} title={title}>
      <div className="figure">
        <BarChart table={table} title={title} />
        <table>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column.id} scope="col">
                  {columnTitle(column, language)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{labelOf(row.label, language)}</th>
                {row.cells.map((value, i) => (
                  <td key={i}>{value}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={() => download.mutate()} disabled={download.isPending}>
        {t('downloadTable')}
      </button>
      {download.isError && <ErrorNote error={download.error} />}
    </Section>
  );
}

/** Bars per row, one series per figure column; a suppressed cell ("< 5") is a gap, never a small bar. */
function BarChart({ table, title }: { table: ReportTable; title: string }) {
  const { language } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new Chart(canvas.current!, {
      type: 'bar',
      data: {
        labels: table.rows.map((row) => labelOf(row.label, language)),
        datasets: table.columns.slice(1).map((column, i) => ({
          label: columnTitle(column, language),
          data: table.rows.map((row) => {
            const value = row.cells[i];
            return typeof value === 'number' ? value : null;
          }),
          backgroundColor: PALETTE[i % PALETTE.length],
        })),
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false },
    });
    return () => chart.destroy();
  }, [table, language]);
  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={title} />
    </div>
  );
}
