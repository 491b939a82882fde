import { ErrorNote } from '../../../components/error-note.tsx';
import { Section } from '../../../components/section.tsx';
import { Table } from '../../../components/table.tsx';
import { formatCents, formatMonth, lastMonths, nameOf } from '../../../lib/format.ts';
import { MAIN_GROUP_NAMES } from '../../../lib/generated/code-lists.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { usePurchases } from '../api/use-purchases.ts';

const MONTHS = 12;

/** The last twelve months' purchases: a small bar chart, and the table of totals and main groups. */
export function PurchasesPanel({ customerNumber }: { customerNumber: string }) {
  const { t, language } = useI18n();
  const months = lastMonths(MONTHS);
  const purchases = usePurchases(customerNumber, months[0]!, months.at(-1)!);
  const byMonth = new Map(
    (purchases.data?.months ?? []).map((m) => [
      m.month,
      {
        month: m.month,
        cents: Object.values(m.groups).reduce((sum, cents) => sum + cents, 0),
        receipts: m.receipts,
        groups: Object.entries(m.groups),
      },
    ]),
  );
  const totals = months.flatMap((month) => byMonth.get(month) ?? []);
  const highest = Math.max(1, ...totals.map((total) => total.cents));
  const groupName = (group: string) =>
    nameOf(MAIN_GROUP_NAMES[group as keyof typeof MAIN_GROUP_NAMES], language) ?? group;
  return (
    <Section id="purchases" title={t('purchases')}>
      {purchases.isError && <ErrorNote error={purchases.error} />}
      {purchases.data && byMonth.size === 0 && <p>{t('noPurchases')}</p>}
      {byMonth.size > 0 && (
        <>
          <svg className="chart" viewBox="0 0 360 120" role="img" aria-label={t('purchasesChart')}>
            {months.map((month, i) => {
              const height = ((byMonth.get(month)?.cents ?? 0) / highest) * 100;
              return <rect key={month} x={i * 30 + 4} y={110 - height} width={22} height={height} />;
            })}
          </svg>
          <Table
            columns={[
              { header: t('month'), rowHeader: true, cell: (total) => formatMonth(total.month, language) },
              { header: t('total'), className: 'number', cell: (total) => formatCents(total.cents) },
              { header: t('receipts'), className: 'number', cell: (total) => total.receipts },
              {
                header: t('byGroup'),
                cell: (total) =>
                  total.groups
                    .map(([group, cents]) => `${groupName(group)} ${formatCents(cents)}`)
                    .join(', '),
              },
            ]}
            rows={totals}
            rowKey={(total) => total.month}
          />
        </>
      )}
    </Section>
  );
}
