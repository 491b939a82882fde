import { ErrorNote } from '../../../components/error-note.tsx';
import { Section } from '../../../components/section.tsx';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { useBenefits } from '../api/use-benefits.ts';
import { Balances } from './balances.tsx';
import { StatementsTable } from './statements-table.tsx';
import { ThisMonth } from './this-month.tsx';

/** A member's benefits: this month so far, the statements of closed months, and the balance. */
export function BenefitsPanel({ customerNumber }: { customerNumber: string }) {
  const { t } = useI18n();
  const benefits = useBenefits(customerNumber);
  return (
    <Section id="benefits" title={t('benefits')}>
      {benefits.isPending && <p role="status">{t('loading')}</p>}
      {benefits.isError && <ErrorNote error={benefits.error} />}
      {benefits.data && (
        <>
          <ThisMonth month={benefits.data.thisMonth} />
          <StatementsTable statements={benefits.data.statements} />
          <Balances benefits={benefits.data} />
        </>
      )}
    </Section>
  );
}
