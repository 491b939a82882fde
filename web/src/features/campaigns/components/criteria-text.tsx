import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import { simpleCriteria, type Campaign } from '../criteria.ts';

/** A campaign's criteria in words, once it is no longer a draft. */
export function CriteriaText({ criteria }: { criteria: Campaign['criteria'] }) {
  const { t } = useI18n();
  const given = simpleCriteria(criteria);
  if (given.length === 0) return <p>{t('noCriteria')}</p>;
  return (
    <dl>
      {given.map(([field, value]) => (
        <div key={field}>
          <dt>{t(field as MessageKey)}</dt>
          <dd>{field === 'language' ? t(`language_${value}` as MessageKey) : value}</dd>
        </div>
      ))}
    </dl>
  );
}
