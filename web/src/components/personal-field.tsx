import { COMMUNICATION_LANGUAGES, GENDERS, type PersonalField } from '../lib/generated/code-lists.ts';
import { useI18n, type MessageKey } from '../lib/i18n/i18n-provider.tsx';
import { SelectField } from './select-field.tsx';
import { TextField } from './text-field.tsx';

/** The codes a personal field is chosen from; the others are typed. */
const CHOSEN: Partial<Record<PersonalField, readonly string[]>> = {
  gender: GENDERS,
  language: COMMUNICATION_LANGUAGES,
};

/**
 * One personal field as the register forms ask it: chosen from its codes (gender, language), a date
 * (the date of birth), or typed; its API error beside it. The registration and the member's page both use it.
 */
export function PersonalFieldInput(props: {
  id: string;
  field: PersonalField;
  value: string;
  required?: boolean;
  error?: string;
  /** A first choice of none, for a form where the field may be left out. */
  empty?: string;
  onChange(value: string): void;
}) {
  const { t } = useI18n();
  const { field } = props;
  const codes = CHOSEN[field];
  if (codes)
    return (
      <SelectField
        id={props.id}
        label={t(field as MessageKey)}
        value={props.value}
        codes={codes}
        nameOf={(code) => t(`${field}_${code}` as MessageKey)}
        onChange={props.onChange}
        error={props.error}
        {...(props.empty !== undefined ? { empty: props.empty } : {})}
      />
    );
  return (
    <TextField
      id={props.id}
      label={t(field as MessageKey)}
      value={props.value}
      required={props.required}
      type={
        field === 'birthDate'
          ? 'date'
          : field === 'email'
            ? 'email'
            : field === 'mobile' || field === 'phone'
              ? 'tel'
              : 'text'
      }
      error={props.error}
      onChange={props.onChange}
    />
  );
}
