import { useState } from 'react';
import { SelectField } from '../../../components/select-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { ERASURE_REASONS } from '../../../lib/generated/code-lists.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import type { ErasureReason } from '../api/use-privacy-action.ts';

/** Erasing cannot be undone: the reason, and the customer number typed to confirm. */
export function EraseForm(props: {
  customerNumber: string;
  onErase(reason: ErasureReason): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState<ErasureReason>('member-request');
  const confirmed = typed === props.customerNumber;
  return (
    <form
      className="confirm"
      onSubmit={(e) => {
        e.preventDefault();
        if (confirmed) props.onErase(reason);
      }}
    >
      <SelectField
        id="erase-reason"
        label={t('reason')}
        value={reason}
        codes={ERASURE_REASONS}
        nameOf={(code) => t(`reason_${code}` as MessageKey)}
        onChange={setReason}
      />
      <TextField id="erase-confirm" label={t('eraseConfirm')} value={typed} onChange={setTyped} />
      <div className="actions">
        <button type="submit" className="danger" disabled={!confirmed}>
          {t('confirm')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
