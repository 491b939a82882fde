import { Table } from '../../../components/table.tsx';
import { formatCents, formatMonth, formatPercent } from '../../../lib/format.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import type { Statement } from '../api/use-benefits.ts';

/** The statements of closed months, newest first: what each earned, carried, and where its money is. */
export function StatementsTable({ statements }: { statements: readonly Statement[] }) {
  const { t, language } = useI18n();
  const signed = (cents: number) => (cents > 0 ? `+${formatCents(cents)}` : formatCents(cents));
  return (
    <>
      <h3>{t('statements')}</h3>
      <Table
        caption={t('statementsCaption')}
        empty={t('noStatements')}
        columns={[
          { header: t('month'), rowHeader: true, cell: (s) => formatMonth(s.month, language) },
          { header: t('countedPurchases'), className: 'number', cell: (s) => formatCents(s.countedCents) },
          { header: t('tier'), className: 'number', cell: (s) => formatPercent(s.tierPercent) },
          { header: t('benefit'), className: 'number', cell: (s) => formatCents(s.benefitCents) },
          {
            header: t('adjustments'),
            cell: (s) =>
              s.adjustments.length === 0
                ? '—'
                : s.adjustments
                    .map((a) => `${signed(a.cents)} (${formatMonth(a.month, language)})`)
                    .join(', '),
          },
          { header: t('payable'), className: 'number', cell: (s) => formatCents(s.payableCents) },
          {
            header: t('payment'),
            // A payout the partner refused waits for customer service (the payout-rejected queue).
            cell: (s) => t(s.payment.heldBy ? 'payment_held' : (`payment_${s.payment.status}` as MessageKey)),
          },
        ]}
        rows={statements}
        rowKey={(s) => s.month}
      />
    </>
  );
}
