import { useState } from 'react';
import { ErrorNote } from '../../../components/error-note.tsx';
import { Section } from '../../../components/section.tsx';
import { may } from '../../../lib/auth/authorization.ts';
import { useSession } from '../../../lib/auth/auth-provider.tsx';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { usePrivacyAction } from '../api/use-privacy-action.ts';
import { EraseForm } from './erase-form.tsx';

/** The data subject's rights, each a button the role may use. */
export function PrivacyPanel(props: {
  customerNumber: string;
  restricted: boolean;
  onChanged(): Promise<unknown>;
  onErased(): void;
}) {
  const { t } = useI18n();
  const { roles } = useSession();
  const [confirming, setConfirming] = useState(false);
  const act = usePrivacyAction(props.customerNumber, props);
  return (
    <Section id="privacy" title={t('privacy')}>
      {act.isError && <ErrorNote error={act.error} />}
      {act.isSuccess && <p role="status">{t('done')}</p>}
      <div className="actions">
        {may(roles, 'exportMember') && (
          <button type="button" onClick={() => act.mutate({ action: 'export' })}>
            {t('exportData')}
          </button>
        )}
        {may(roles, 'requestErasure') && (
          <button type="button" onClick={() => act.mutate({ action: 'erasure-request' })}>
            {t('requestErasure')}
          </button>
        )}
        {may(roles, 'endMembership') && (
          <button type="button" onClick={() => act.mutate({ action: 'end' })}>
            {t('endMembership')}
          </button>
        )}
        {may(roles, 'restrictMember') && roles.includes('admin') && (
          <button
            type="button"
            onClick={() => act.mutate({ action: 'restrict', restricted: !props.restricted })}
          >
            {props.restricted ? t('liftRestriction') : t('restrict')}
          </button>
        )}
        {may(roles, 'eraseMember') && (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t('erase')}
          </button>
        )}
      </div>
      {confirming && (
        <EraseForm
          customerNumber={props.customerNumber}
          onErase={(reason) => act.mutate({ action: 'erase', reason })}
          onCancel={() => setConfirming(false)}
        />
      )}
    </Section>
  );
}
