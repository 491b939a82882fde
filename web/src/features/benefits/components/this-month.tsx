import { formatCents, formatMonth, formatPercent } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import type { Benefits } from '../api/use-benefits.ts';
import { filled } from '../words.ts';

/** The month so far: what counts, the tier it has reached, the benefit, and what the next tier needs. */
export function ThisMonth({ month }: { month: Benefits['thisMonth'] }) {
  const { t, language } = useI18n();
  const next = month.nextTier;
  return (
    <>
      <h3>{t('thisMonthSoFar')}</h3>
      {month.rulesId === undefined && <p>{t('noRulesThisMonth')}</p>}
      <dl className="fields">
        <div>
          <dt>{t('month')}</dt>
          <dd>{formatMonth(month.month, language)}</dd>
        </div>
        <div>
          <dt>{t('countedPurchases')}</dt>
          <dd>{formatCents(month.countedCents)}</dd>
        </div>
        <div>
          <dt>{t('tierReached')}</dt>
          <dd>{formatPercent(month.tierPercent)}</dd>
        </div>
        <div>
          <dt>{t('benefitSoFar')}</dt>
          <dd>{formatCents(month.benefitCents)}</dd>
        </div>
      </dl>
      {next && (
        <p>
          {filled(t('nextTierNeeds'), {
            amount: formatCents(next.missingCents),
            percent: formatPercent(next.percent),
          })}
        </p>
      )}
      {!next && month.rulesId !== undefined && <p>{t('topTierReached')}</p>}
    </>
  );
}
