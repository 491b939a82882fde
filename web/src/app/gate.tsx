import type { ReactNode } from 'react';
import { may } from '../lib/auth/authorization.ts';
import { useSession } from '../lib/auth/auth-provider.tsx';
import type { OperationId } from '../lib/generated/roles.ts';
import { useI18n } from '../lib/i18n/i18n-provider.tsx';

/** A page the role may not use says so, rather than failing call by call. */
export function Gate({ needs, children }: { needs: OperationId; children: ReactNode }) {
  const session = useSession();
  const { t } = useI18n();
  if (!may(session.roles, needs))
    return (
      <p role="alert" className="error">
        {t('notAllowed')}
      </p>
    );
  return <>{children}</>;
}
