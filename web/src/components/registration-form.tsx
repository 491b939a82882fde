import { useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrors } from '../lib/api/problem.ts';
import { useI18n } from '../lib/i18n/i18n-provider.tsx';
import { COMMUNICATION_LANGUAGES, GENDERS } from '../lib/generated/code-lists.ts';
import { TEXT_FIELDS } from '../lib/personal-fields.ts';
import { ErrorNote } from './error-note.tsx';
import { PersonalFieldInput } from './personal-field.tsx';

/** The form's fields: the names, the birth date, gender and language, then the address and contact details. */
const FIELDS = [
  ...TEXT_FIELDS.filter((field) => field === 'surname' || field === 'firstNames'),
  'birthDate' as const,
  'gender' as const,
  'language' as const,
  ...TEXT_FIELDS.filter((field) => field !== 'surname' && field !== 'firstNames'),
];
const REQUIRED: ReadonlySet<Field> = new Set(['surname', 'firstNames', 'birthDate']);
type Field = (typeof FIELDS)[number];
export type Registration = { surname: string; firstNames: string; birthDate: string } & Partial<
  Record<Exclude<Field, 'gender' | 'language'>, string>
> & { gender?: (typeof GENDERS)[number]; language?: (typeof COMMUNICATION_LANGUAGES)[number] };

/**
 * A new member's details, for staff registering someone and for a person joining on their own (whose
 * email is their account's, so `omit` leaves it out). Field errors from the API show at their fields.
 */
export function RegistrationForm(props: {
  idPrefix: string;
  omit?: readonly Field[];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit(registration: Registration): void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const fields = FIELDS.filter((field) => !props.omit?.includes(field));
  const [values, setValues] = useState<Record<Field, string>>(
    () => Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<Field, string>,
  );
  const errors = fieldErrors(props.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit(
      Object.fromEntries(
        fields.filter((f) => values[f].trim() !== '').map((f) => [f, values[f].trim()]),
      ) as Registration,
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      {props.error !== null &&
        props.error !== undefined &&
        (Object.keys(errors).length > 0 ? (
          <p role="alert" className="error">
            {t('fixErrors')}
          </p>
        ) : (
          <ErrorNote error={props.error} />
        ))}
      <div className="form-grid">
        {fields.map((field) => (
          <PersonalFieldInput
            key={field}
            id={`${props.idPrefix}-${field}`}
            field={field}
            value={values[field]}
            required={REQUIRED.has(field)}
            // Left out, the register takes its own: gender not given, Finnish as the language.
            empty={t('notChosen')}
            error={errors[field]}
            onChange={(value) => setValues({ ...values, [field]: value })}
          />
        ))}
      </div>
      {props.children}
      <button type="submit" className="primary" disabled={props.pending}>
        {props.submitLabel}
      </button>
    </form>
  );
}
