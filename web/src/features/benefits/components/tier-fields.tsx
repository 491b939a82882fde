import { TextField } from '../../../components/text-field.tsx';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { newTier, type RulesForm } from '../rules-form.ts';

type Tiers = RulesForm['tiers'];

/** The tiers as rows, each `From (€)` and `Percent`, added and removed; errors at the fields the API names. */
export function TierFields(props: {
  tiers: Tiers;
  errors: Record<string, string>;
  onChange(tiers: Tiers): void;
}) {
  const { t } = useI18n();
  const { tiers, errors } = props;
  const change = (i: number, to: Partial<Tiers[number]>) =>
    props.onChange(tiers.map((tier, j) => (j === i ? { ...tier, ...to } : tier)));
  return (
    <fieldset className="tiers" aria-describedby={errors.tiers ? 'rules-tiers-error' : undefined}>
      <legend>{t('tiers')}</legend>
      {errors.tiers && (
        <p id="rules-tiers-error" className="field-error">
          {errors.tiers}
        </p>
      )}
      {tiers.map((tier, i) => (
        <fieldset key={tier.key} className="tier">
          <legend>
            {t('tier')} {i + 1}
          </legend>
          <TextField
            id={`rules-tier-${tier.key}-from`}
            label={t('tierFromEuros')}
            value={tier.from}
            error={errors[`tiers.${i}.fromCents`]}
            onChange={(from) => change(i, { from })}
          />
          <TextField
            id={`rules-tier-${tier.key}-percent`}
            label={t('percent')}
            value={tier.percent}
            error={errors[`tiers.${i}.percent`] ?? errors[`tiers.${i}`]}
            onChange={(percent) => change(i, { percent })}
          />
          <button
            type="button"
            disabled={tiers.length === 1}
            onClick={() => props.onChange(tiers.filter((_, j) => j !== i))}
          >
            {t('removeTier')} {i + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => props.onChange([...tiers, newTier()])}>
        {t('addTier')}
      </button>
    </fieldset>
  );
}
