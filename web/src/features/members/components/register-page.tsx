import { useState } from 'react';
import { useNavigate } from 'react-router';
import { RegistrationForm } from '../../../components/registration-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { fieldErrors } from '../../../lib/api/problem.ts';
import { CONSOLE_PATHS } from '../../../lib/generated/console-config.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { useRegisterMember } from '../api/use-register-member.ts';

/** Customer service registers a member: at the counter or on the phone, or from a paper form and its date. */
export function RegisterPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const register = useRegisterMember((customerNumber) => void navigate(`/member/${customerNumber}`));
  const [fromPaper, setFromPaper] = useState(false);
  const [formDate, setFormDate] = useState('');
  return (
    <>
      <h1>{t('registerTitle')}</h1>
      <RegistrationForm
        idPrefix="register"
        submitLabel={t('register')}
        pending={register.isPending}
        error={register.error}
        onSubmit={(registration) =>
          register.mutate({
            ...registration,
            ...(fromPaper ? { channel: 'paper', formDate } : { channel: 'console' }),
          })
        }
      >
        <fieldset>
          <legend>{t('channel')}</legend>
          <label>
            <input type="checkbox" checked={fromPaper} onChange={(e) => setFromPaper(e.target.checked)} />{' '}
            {t('fromPaperForm')}
          </label>
          {fromPaper && (
            <TextField
              id="register-formDate"
              label={t('formDate')}
              type="date"
              value={formDate}
              onChange={setFormDate}
              error={fieldErrors(register.error).formDate}
              required
            />
          )}
          <p className="help">
            {t('paperForms')}{' '}
            {(['fi', 'sv', 'en'] as const).map((lang, i) => (
              <span key={lang}>
                {i > 0 && ' · '}
                <a href={`${CONSOLE_PATHS.api}/paper-form?lang=${lang}`} target="_blank" rel="noreferrer">
                  {t(`language_${lang}`)}
                </a>
              </span>
            ))}
          </p>
        </fieldset>
      </RegistrationForm>
    </>
  );
}
