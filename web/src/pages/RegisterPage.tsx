import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { ok } from '../api.ts';
import { useApi } from '../App.tsx';
import { useI18n } from '../i18n.tsx';
import { ErrorNote, fieldErrors, TextField } from './parts.tsx';
import { TEXT_FIELDS } from './fields.ts';

/** The form's fields: the names, the birth date, then the address and contact details. */
const FIELDS = [
  ...TEXT_FIELDS.filter((field) => field === 'surname' || field === 'firstNames'),
  'birthDate' as const,
  ...TEXT_FIELDS.filter((field) => field !== 'surname' && field !== 'firstNames'),
];
type Field = (typeof FIELDS)[number];

export function RegisterPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<Field, string>>(
    () => Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<Field, string>,
  );
  // One key per form: a double click or a retried request registers the member once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const register = useMutation({
    mutationFn: async () => {
      const body = Object.fromEntries(
        FIELDS.filter((f) => values[f].trim() !== '').map((f) => [f, values[f].trim()]),
      ) as { surname: string; firstNames: string; birthDate: string };
      return ok(
        await api.POST('/members', { params: { header: { 'idempotency-key': idempotencyKey } }, body }),
      );
    },
    onSuccess: (member) => void navigate(`/member/${member.customerNumber}`),
  });
  const errors = fieldErrors(register.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    register.mutate();
  }

  return (
    <>
      <h1>{t('registerTitle')}</h1>
      <form onSubmit={submit} noValidate>
        {register.isError &&
          (Object.keys(errors).length > 0 ? (
            <p role="alert" className="error">
              {t('fixErrors')}
            </p>
          ) : (
            <ErrorNote error={register.error} />
          ))}
        <div className="form-grid">
          {FIELDS.map((field) => (
            <TextField
              key={field}
              id={`register-${field}`}
              label={t(field)}
              value={values[field]}
              required={field === 'surname' || field === 'firstNames' || field === 'birthDate'}
              type={field === 'birthDate' ? 'date' : field === 'email' ? 'email' : 'text'}
              {...(errors[field] ? { error: errors[field] } : {})}
              onChange={(value) => setValues({ ...values, [field]: value })}
            />
          ))}
        </div>
        <button type="submit" className="primary" disabled={register.isPending}>
          {t('register')}
        </button>
      </form>
    </>
  );
}
