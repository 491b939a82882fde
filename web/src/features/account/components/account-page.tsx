import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { JoinForm } from './join-form.tsx';
import { LinkByCard } from './link-by-card.tsx';
import { TakeBack } from './take-back.tsx';

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
      <TakeBack />
      <JoinForm />
    </>
  );
}
