import { NavLink, useParams } from 'react-router';
import { ErrorNote } from '../../../components/error-note.tsx';
import { nameOf } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { useReports } from '../api/use-reports.ts';
import { ReportView } from './report-view.tsx';

/**
 * The register's figures as charts, each with its table beside it and its CSV. A default export: the
 * console loads this page, and the charts' library with it, only when it is opened.
 */
export default function FiguresPage() {
  const { report } = useParams();
  const { t, language } = useI18n();
  const list = useReports();
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
