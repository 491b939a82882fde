import { Loaded } from '../../../components/loaded.tsx';
import { formatInstant } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { useReport } from '../api/use-reports.ts';
import { FigureTable } from './figure-table.tsx';

/** One report: the month it describes and when it was taken, and each of its tables. */
export function ReportView({ name }: { name: string }) {
  const { t, language } = useI18n();
  const report = useReport(name);
  return (
    <Loaded query={report}>
      {(report) => (
        <>
          <p>
            {t('figuresOfMonth')} {report.month}, {t('figuresComputed')}{' '}
            {formatInstant(report.computedAt, language)}. {t('smallCells')}
          </p>
          {report.tables.map((table) => (
            <FigureTable key={table.id} report={name} table={table} />
          ))}
        </>
      )}
    </Loaded>
  );
}
