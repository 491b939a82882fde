import { SelectField } from '../../../components/select-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { COMMUNICATION_LANGUAGES } from '../../../lib/generated/code-lists.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import type { CriteriaForm } from '../criteria.ts';

type Language = (typeof COMMUNICATION_LANGUAGES)[number];

/** The criteria as form fields: every one optional; an empty field sets no criterion. */
export function CriteriaFields(props: {
  idPrefix: string;
  value: CriteriaForm;
  errors: Record<string, string>;
  onChange(value: CriteriaForm): void;
}) {
  const { t } = useI18n();
  const set = (field: string) => (value: string) => props.onChange({ ...props.value, [field]: value });
  return (
    <fieldset className="form-grid">
      <legend>{t('criteria')}</legend>
      <SelectField
        id={`${props.idPrefix}-language`}
        label={t('preferredLanguage')}
        value={(props.value.language ?? '') as Language | ''}
        codes={COMMUNICATION_LANGUAGES}
        nameOf={(code) => t(`language_${code}` as MessageKey)}
        onChange={set('language')}
        empty={t('anyLanguage')}
      />
      {(['ageMin', 'ageMax', 'postalCodePrefix'] as const).map((field) => (
        <TextField
          key={field}
          id={`${props.idPrefix}-${field}`}
          label={t(field)}
          value={props.value[field] ?? ''}
          error={props.errors[`criteria.${field}`]}
          onChange={set(field)}
        />
      ))}
    </fieldset>
  );
}
