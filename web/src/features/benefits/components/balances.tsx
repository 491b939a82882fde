import { formatCents, formatMonth } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import type { Benefits } from '../api/use-benefits.ts';
import { filled } from '../words.ts';

/** What the statements add up to: paid, waiting (unpaid or in a payout), and lapsed unpaid. */
export function Balances({ benefits }: { benefits: Benefits }) {
  const { t, language } = useI18n();
  return (
    <>
      <h3>{t('balance')}</h3>
      <dl className="fields">
        <div>
          <dt>{t('paidTotal')}</dt>
          <dd>{formatCents(benefits.paidCents)}</dd>
        </div>
        <div>
          <dt>{t('waitingTotal')}</dt>
          <dd>{formatCents(benefits.unpaidCents + benefits.inPayoutCents)}</dd>
        </div>
        <div>
          <dt>{t('lapsedTotal')}</dt>
          <dd>{formatCents(benefits.lapsedCents)}</dd>
        </div>
      </dl>
      {benefits.unpaidCents > 0 && (
        <p className="help">
          {filled(t('lapsesNote'), { month: formatMonth(benefits.lapsesBefore, language) })}
        </p>
      )}
    </>
  );
}
