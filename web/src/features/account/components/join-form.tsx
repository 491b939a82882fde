import { useState } from 'react';
import { RegistrationForm } from '../../../components/registration-form.tsx';
import { Section } from '../../../components/section.tsx';
import { useAuth } from '../../../lib/auth/auth-provider.tsx';
import { nameOf } from '../../../lib/format.ts';
import { NOTICE_VERSION, PURPOSE_NAMES } from '../../../lib/generated/code-lists.ts';
import { CONSOLE_PATHS } from '../../../lib/generated/console-config.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { useRefusablePurposes } from '../../../lib/api/use-marketing-settings.ts';
import { useJoin } from '../api/use-account.ts';

type Purpose = keyof typeof PURPOSE_NAMES;
const CONSENTS = (Object.keys(PURPOSE_NAMES) as Purpose[]).filter(
  (purpose) => PURPOSE_NAMES[purpose].kind === 'consent' && PURPOSE_NAMES[purpose].asked,
);

/** "Join as a new member": the person's details (the email is the account's) and the marketing consents. */
export function JoinForm() {
  const { t, language } = useI18n();
  const { signIn } = useAuth();
  const [granted, setGranted] = useState<Record<Purpose, boolean>>(
    () => Object.fromEntries(CONSENTS.map((purpose) => [purpose, false])) as Record<Purpose, boolean>,
  );
  const join = useJoin(() => void signIn());
  // On the own-customer exception a box refuses (ticked: no); else it consents (ticked: yes, else no).
  const refusable = useRefusablePurposes();

  return (
    <Section id="join" title={t('joinTitle')}>
      <p>{t('joinHelp')}</p>
      <RegistrationForm
        idPrefix="join"
        omit={['email']}
        submitLabel={t('joinSubmit')}
        // Nothing is asked until the form knows whether each box consents or refuses.
        pending={join.isPending || refusable === undefined}
        error={join.error}
        onSubmit={(registration) =>
          join.mutate({
            ...registration,
            // Every purpose asked is answered, yes or no, with the notice the member was shown; one
            // offered as a refusal is recorded only when refused, and the member is its own customer.
            consents: CONSENTS.filter((purpose) => !refusable?.has(purpose) || granted[purpose]).map(
              (purpose) => ({
                purpose,
                granted: refusable?.has(purpose) ? false : granted[purpose],
                noticeVersion: NOTICE_VERSION,
              }),
            ),
          })
        }
      >
        <fieldset className="consents" disabled={refusable === undefined}>
          <legend>{t('joinConsents')}</legend>
          {refusable !== undefined &&
            CONSENTS.map((purpose) => (
              <label key={purpose} className="check">
                <input
                  type="checkbox"
                  checked={granted[purpose]}
                  onChange={(e) => setGranted({ ...granted, [purpose]: e.target.checked })}
                />{' '}
                {refusable.has(purpose) && `${t('refuse')}: `}
                {nameOf(PURPOSE_NAMES[purpose], language)}
              </label>
            ))}
          {refusable !== undefined && refusable.size > 0 && <p className="note">{t('joinOwnCustomer')}</p>}
          <p className="note">
            {t('joinNotice')}{' '}
            <a
              href={`${CONSOLE_PATHS.api}/privacy-notice?lang=${language === 'fi' ? 'fi' : 'en'}`}
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
