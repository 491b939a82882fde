import { ErrorNote } from '../../../components/error-note.tsx';
import { Section } from '../../../components/section.tsx';
import { Table } from '../../../components/table.tsx';
import { may } from '../../../lib/auth/authorization.ts';
import { useSession } from '../../../lib/auth/auth-provider.tsx';
import { formatInstant, nameOf } from '../../../lib/format.ts';
import { PURPOSE_NAMES } from '../../../lib/generated/code-lists.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import { useRefusablePurposes } from '../../../lib/api/use-marketing-settings.ts';
import { useChangeConsent, useConsentHistory, useConsents, type Purpose } from '../api/use-consents.ts';

const PURPOSES = Object.keys(PURPOSE_NAMES) as Purpose[];
/** A purpose no longer asked shows only when the member answered it once (its history stays). */
const shown = (purpose: Purpose, answered: boolean) => PURPOSE_NAMES[purpose].asked || answered;

/** Consents and bans with their history, and the campaigns that reached the member. */
export function ConsentsPanel({ customerNumber }: { customerNumber: string }) {
  const { t, language } = useI18n();
  const { roles, role } = useSession();
  const consents = useConsents(customerNumber);
  const history = useConsentHistory(customerNumber);
  const change = useChangeConsent(customerNumber, role === 'member' ? 'web' : 'phone');
  const purposeName = (purpose: Purpose) => nameOf(PURPOSE_NAMES[purpose], language);
  // Never answered, a channel on the own-customer exception reaches the member: what they may do is refuse.
  const refusable = useRefusablePurposes();
  const refuses = (purpose: Purpose, consent: unknown) => !consent && Boolean(refusable?.has(purpose));
  return (
    <Section id="consents" title={t('consents')}>
      {consents.isError && <ErrorNote error={consents.error} />}
      {change.isError && <ErrorNote error={change.error} />}
      {consents.data && (
        <Table
          columns={[
            { header: t('purpose'), rowHeader: true, cell: ({ purpose }) => purposeName(purpose) },
            {
              header: t('granted'),
              cell: ({ consent }) =>
                consent ? (consent.granted ? t('granted') : t('withdrawn')) : t('notGiven'),
            },
            {
              header: t('when'),
              cell: ({ consent }) => (consent ? formatInstant(consent.at, language) : '—'),
            },
            may(roles, 'changeConsent') && {
              header: t('action'),
              cell: ({ purpose, consent }) =>
                PURPOSE_NAMES[purpose].asked && (
                  <button
                    type="button"
                    disabled={change.isPending}
                    onClick={() =>
                      change.mutate({
                        purpose,
                        granted: !consent?.granted && !refuses(purpose, consent),
                        noticeVersion: consents.data.version,
                      })
                    }
                  >
                    {consent?.granted ? t('withdraw') : refuses(purpose, consent) ? t('refuse') : t('grant')}
                    <span className="visually-hidden"> {purposeName(purpose)}</span>
                  </button>
                ),
            },
          ]}
          rows={PURPOSES.map((purpose) => ({
            purpose,
            consent: consents.data.consents.find((c) => c.purpose === purpose),
          })).filter(({ purpose, consent }) => shown(purpose, consent !== undefined))}
          rowKey={({ purpose }) => purpose}
        />
      )}
      {history.data && history.data.events.length > 0 && (
        <details>
          <summary>{t('history')}</summary>
          <ul>
            {history.data.events.map((event, i) => (
              <li key={i}>
                {formatInstant(event.at, language)}: {event.purpose}{' '}
                {event.granted ? t('granted') : t('withdrawn')} ({event.source}
                {event.channel && `, ${t(`channel_${event.channel}`)}`})
              </li>
            ))}
          </ul>
        </details>
      )}
      {consents.data && (
        <Table
          caption={t('contactsCaption')}
          columns={[
            { header: t('when'), cell: (contact) => formatInstant(contact.at, language) },
            { header: t('campaign'), cell: (contact) => contact.campaignId },
            {
              header: t('channel'),
              cell: (contact) =>
                `${t(`channel_${contact.channel}` as MessageKey)}${contact.heldOut ? ` (${t('heldOut')})` : ''}`,
            },
          ]}
          rows={consents.data.contacts}
          rowKey={(contact) => contact.campaignId}
        />
      )}
    </Section>
  );
}
