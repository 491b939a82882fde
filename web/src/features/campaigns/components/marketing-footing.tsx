import { useState } from 'react';
import { ErrorNote } from '../../../components/error-note.tsx';
import { Loaded } from '../../../components/loaded.tsx';
import { Section } from '../../../components/section.tsx';
import { Table } from '../../../components/table.tsx';
import { may } from '../../../lib/auth/authorization.ts';
import { CHANNELS } from '../../../lib/generated/code-lists.ts';
import { useSession } from '../../../lib/auth/auth-provider.tsx';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import {
  useMarketingSettings,
  useSetMarketingSettings,
  type MarketingSettings,
} from '../../../lib/api/use-marketing-settings.ts';

/** Each channel's lawful footing; the admin turns the own-customer exception on or off for email and text messages. */
export function MarketingFooting() {
  const { t } = useI18n();
  const { roles } = useSession();
  const settings = useMarketingSettings();
  return (
    <Section id="footing" title={t('footing')}>
      <Loaded query={settings}>
        {(settings) => (
          <>
            <Table
              caption={t('footingCaption')}
              columns={[
                { header: t('channel'), cell: (channel) => t(`channel_${channel}` as MessageKey) },
                {
                  header: t('footingBasis'),
                  cell: (channel) => t(`footing_${settings.footing[channel]}` as MessageKey),
                },
              ]}
              rows={[...CHANNELS]}
              rowKey={(channel) => channel}
            />
            {may(roles, 'setMarketingSettings') && (
              <OwnCustomerForm current={settings.ownCustomerException} />
            )}
          </>
        )}
      </Loaded>
    </Section>
  );
}

function OwnCustomerForm({ current }: { current: MarketingSettings['ownCustomerException'] }) {
  const { t } = useI18n();
  const [exception, setException] = useState(current);
  const save = useSetMarketingSettings();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(exception);
      }}
    >
      <p>{t('ownCustomerHelp')}</p>
      <fieldset className="consents">
        <legend>{t('ownCustomerLegend')}</legend>
        {(Object.keys(current) as (keyof typeof current)[]).map((channel) => (
          <label key={channel} className="check">
            <input
              type="checkbox"
              checked={exception[channel]}
              onChange={(event) => setException({ ...exception, [channel]: event.target.checked })}
            />{' '}
            {t(`ownCustomer_${channel}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={save.isPending}>
        {t('saveFooting')}
      </button>
      {save.isSuccess && <span role="status"> {t('saved')}</span>}
      {save.isError && <ErrorNote error={save.error} />}
    </form>
  );
}
