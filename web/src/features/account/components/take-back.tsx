import { ErrorNote } from '../../../components/error-note.tsx';
import { Section } from '../../../components/section.tsx';
import { useAuth } from '../../../lib/auth/auth-provider.tsx';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { useTakeBack } from '../api/use-account.ts';

/** The member's own email takes back their membership from an account linked by card; sign-in starts again. */
export function TakeBack() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const takeBack = useTakeBack(() => void signIn());
  return (
    <Section id="take-back" title={t('takeBackTitle')}>
      <p>{t('takeBackHelp')}</p>
      {takeBack.isError && <ErrorNote error={takeBack.error} />}
      <button type="button" onClick={() => takeBack.mutate()} disabled={takeBack.isPending}>
        {t('takeBackSubmit')}
      </button>
    </Section>
  );
}
