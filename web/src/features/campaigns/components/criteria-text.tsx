import { MAIN_GROUP_NAMES } from '../../../lib/generated/code-lists.ts';
import { formatCents, nameOf } from '../../../lib/format.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import { simpleCriteria, type Campaign } from '../criteria.ts';

/** A campaign's criteria in words: once it is no longer a draft, and in the trail of its previews. */
export function CriteriaText({ criteria }: { criteria: Campaign['criteria'] }) {
  const { t, language } = useI18n();
  const given = simpleCriteria(criteria);
  const purchases = criteria.purchases;
  if (given.length === 0 && !purchases) return <p>{t('noCriteria')}</p>;
  return (
    <dl>
      {given.map(([field, value]) => (
        <div key={field}>
          <dt>{t(field as MessageKey)}</dt>
          <dd>{field === 'language' ? t(`language_${value}` as MessageKey) : value}</dd>
        </div>
      ))}
      {purchases && (
        <div>
          <dt>{t('purchasesCriterion')}</dt>
          <dd>
            {nameOf(MAIN_GROUP_NAMES[purchases.mainGroup as keyof typeof MAIN_GROUP_NAMES], language) ??
              purchases.mainGroup}{' '}
            {purchases.from}–{purchases.to} ≥ {formatCents(purchases.minCents)}
          </dd>
        </div>
      )}
    </dl>
  );
}
