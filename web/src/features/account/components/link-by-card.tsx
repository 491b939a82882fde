import { useState, type FormEvent } from 'react';
import { ErrorNote } from '../../../components/error-note.tsx';
import { Section } from '../../../components/section.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { failedWith, fieldErrors } from '../../../lib/api/problem.ts';
import { useAuth } from '../../../lib/auth/auth-provider.tsx';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { useLinkAccount } from '../api/use-account.ts';

/** "I am a member": the card's number and the birth date link the account, then sign-in starts again. */
export function LinkByCard() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const [cardNumber, setCardNumber] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const link = useLinkAccount(() => void signIn());
  const errors = fieldErrors(link.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    link.mutate({ cardNumber: cardNumber.trim(), birthDate });
  }

  return (
    <Section id="link" title={t('linkTitle')}>
      <p>{t('linkHelp')}</p>
      <form onSubmit={submit} noValidate>
        {link.isError &&
          (failedWith(link.error, 429) ? (
            <p role="alert" className="error">
              {t('linkLocked')}
            </p>
          ) : (
            <ErrorNote error={link.error} />
          ))}
        <div className="form-grid">
          <TextField
            id="link-cardNumber"
            label={t('cardNumber')}
            value={cardNumber}
            required
            error={errors.cardNumber}
            onChange={setCardNumber}
          />
          <TextField
            id="link-birthDate"
            label={t('birthDate')}
            type="date"
            value={birthDate}
            required
            error={errors.birthDate}
            onChange={setBirthDate}
          />
        </div>
        <button type="submit" className="primary" disabled={link.isPending}>
          {t('linkSubmit')}
        </button>
      </form>
    </Section>
  );
}
