import { useNavigate } from 'react-router';
import { RegistrationForm } from '../../../components/registration-form.tsx';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { useRegisterMember } from '../api/use-register-member.ts';

export function RegisterPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const register = useRegisterMember((customerNumber) => void navigate(`/member/${customerNumber}`));
  return (
    <>
      <h1>{t('registerTitle')}</h1>
      <RegistrationForm
        idPrefix="register"
        submitLabel={t('register')}
        pending={register.isPending}
        error={register.error}
        onSubmit={(registration) => register.mutate(registration)}
      />
    </>
  );
}
