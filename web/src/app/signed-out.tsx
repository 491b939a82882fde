import { useAuth } from '../lib/auth/auth-provider.tsx';
import { useI18n, type MessageKey } from '../lib/i18n/i18n-provider.tsx';
import { LanguageChoice } from './language-choice.tsx';

const REASON_TEXT: Record<'ended' | 'failed' | 'signed-out', MessageKey> = {
  ended: 'sessionEnded',
  failed: 'signInFailed',
  'signed-out': 'signedOut',
};

/** Why no one is signed in (a session ended, a sign-in failed, a sign-out), and `Sign in`. */
export function SignedOut({ reason }: { reason?: keyof typeof REASON_TEXT }) {
  const { signIn } = useAuth();
  const { t } = useI18n();
  return (
    <main className="centered" id="main">
      <h1>{t('appName')}</h1>
      {reason && <p role="status">{t(REASON_TEXT[reason])}</p>}
      <button type="button" className="primary" onClick={() => void signIn()}>
        {t('signIn')}
      </button>
      <LanguageChoice />
    </main>
  );
}
