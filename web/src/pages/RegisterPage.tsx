import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { ok } from '../api.ts';
import { useApi } from '../App.tsx';
import { useI18n } from '../i18n.tsx';
import { RegistrationForm, type Registration } from './RegistrationForm.tsx';

export function RegisterPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  // One key per form: a double click or a retried request registers the member once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const register = useMutation({
    mutationFn: async (body: Registration) =>
      ok(await api.POST('/members', { params: { header: { 'idempotency-key': idempotencyKey } }, body })),
    onSuccess: (member) => void navigate(`/member/${member.customerNumber}`),
  });

  return (
    <>
      <h1>{t('registerTitle')}</h1>
      <RegistrationForm
        idPrefix="register"
        submitLabel={t('register')}
        pending={register.isPending}
        error={register.error}
        onSubmit={(body) => register.mutate(body)}
      />
    </>
  );
}
