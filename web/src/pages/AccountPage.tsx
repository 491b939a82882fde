import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ApiProblem, ok } from '../api.ts';
import { useApi } from '../App.tsx';
import { useAuth } from '../auth.tsx';
import { useI18n } from '../i18n.tsx';
import { NOTICE_VERSION, PURPOSE_NAMES } from '../lib/generated/code-lists.ts';
import { nameOf } from '../format.ts';
import { ErrorNote, fieldErrors, Section, TextField } from './parts.tsx';
import { RegistrationForm, type Registration } from './RegistrationForm.tsx';

type Purpose = keyof typeof PURPOSE_NAMES;
const CONSENTS = (Object.keys(PURPOSE_NAMES) as Purpose[]).filter(
  (purpose) => PURPOSE_NAMES[purpose].kind === 'consent',
);

/**
 * A member's own account that no membership is linked to yet (no membership has its email): they
 * link it by their card's number and birth date, or join as a new member. Either way the next sign-in,
 * straight through while the provider's session lasts, carries their customer number.
 */
export function AccountPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('accountTitle')}</h1>
      <p>{t('accountIntro')}</p>
      <LinkByCard />
      <Join />
    </>
  );
}

function LinkByCard() {
  const { t } = useI18n();
  const api = useApi();
  const { signIn } = useAuth();
  const [cardNumber, setCardNumber] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const link = useMutation({
    mutationFn: async () =>
      ok(await api.POST('/account/link', { body: { by: 'card', cardNumber: cardNumber.trim(), birthDate } })),
    onSuccess: () => void signIn(),
  });
  const errors = fieldErrors(link.error);
  const locked = link.error instanceof ApiProblem && link.error.problem.status === 429;

  function submit(event: FormEvent) {
    event.preventDefault();
    link.mutate();
  }

  return (
    <Section id="link" title={t('linkTitle')}>
      <p>{t('linkHelp')}</p>
      <form onSubmit={submit} noValidate>
        {link.isError &&
          (locked ? (
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
            {...(errors.cardNumber ? { error: errors.cardNumber } : {})}
            onChange={setCardNumber}
          />
          <TextField
            id="link-birthDate"
            label={t('birthDate')}
            type="date"
            value={birthDate}
            required
            {...(errors.birthDate ? { error: errors.birthDate } : {})}
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

function Join() {
  const { t, language } = useI18n();
  const api = useApi();
  const { signIn } = useAuth();
  const [granted, setGranted] = useState<Record<Purpose, boolean>>(
    () => Object.fromEntries(CONSENTS.map((purpose) => [purpose, false])) as Record<Purpose, boolean>,
  );
  const join = useMutation({
    mutationFn: async (registration: Registration) =>
      ok(
        await api.POST('/account/membership', {
          body: {
            ...registration,
            // Every purpose asked is answered, yes or no, with the notice the member was shown.
            consents: CONSENTS.map((purpose) => ({
              purpose,
              granted: granted[purpose],
              noticeVersion: NOTICE_VERSION,
            })),
          },
        }),
      ),
    onSuccess: () => void signIn(),
  });

  return (
    <Section id="join" title={t('joinTitle')}>
      <p>{t('joinHelp')}</p>
      <RegistrationForm
        idPrefix="join"
        omit={['email']}
        submitLabel={t('joinSubmit')}
        pending={join.isPending}
        error={join.error}
        onSubmit={(registration) => join.mutate(registration)}
      >
        <fieldset className="consents">
          <legend>{t('joinConsents')}</legend>
          {CONSENTS.map((purpose) => (
            <label key={purpose} className="check">
              <input
                type="checkbox"
                checked={granted[purpose]}
                onChange={(e) => setGranted({ ...granted, [purpose]: e.target.checked })}
              />{' '}
              {nameOf(PURPOSE_NAMES[purpose], language)}
            </label>
          ))}
          <p className="note">
            {t('joinNotice')}{' '}
            <a
              href={`/api/privacy-notice?lang=${language === 'fi' ? 'fi' : 'en'}`}
              target="_blank"
              rel="noreferrer"
            >
              {t('privacyNotice')} {NOTICE_VERSION}
            </a>
          </p>
        </fieldset>
      </RegistrationForm>
    </Section>
  );
}
