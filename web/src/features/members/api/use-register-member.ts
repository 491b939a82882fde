import { useState } from 'react';
import { useApiMutation } from '../../../lib/api/queries.ts';
import type { Registration } from '../../../components/registration-form.tsx';

/** Registers a member once per form: a double click or a retried request registers them once. */
export function useRegisterMember(onRegistered: (customerNumber: string) => void) {
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  return useApiMutation(
    (api, body: Registration) =>
      api.POST('/members', { params: { header: { 'idempotency-key': idempotencyKey } }, body }),
    { onSuccess: (member) => onRegistered(member.customerNumber) },
  );
}
