import { useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrors } from '../lib/api/problem.ts';
import { useI18n } from '../lib/i18n/i18n-provider.tsx';
import { TEXT_FIELDS } from '../lib/personal-fields.ts';
import { ErrorNote } from './error-note.tsx';
import { TextField } from './text-field.tsx';

/** The form's fields: the names, the birth date, then the address and contact details. */
const FIELDS = [
  ...TEXT_FIELDS.filter((field) => field === 'surname' || field === 'firstNames'),
  'birthDate' as const,
  ...TEXT_FIELDS.filter((field) => field !== 'surname' && field !== 'firstNames'),
];
type Field = (typeof FIELDS)[number];
export type Registration = { surname: string; firstNames: string; birthDate: string } & Partial<
  Record<Field, string>
>;

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
          <TextField
            key={field}
            id={`${props.idPrefix}-${field}`}
            label={t(field)}
            value={values[field]}
            required={field === 'surname' || field === 'firstNames' || field === 'birthDate'}
            type={field === 'birthDate' ? 'date' : field === 'email' ? 'email' : 'text'}
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
