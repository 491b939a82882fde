import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import type { Campaign } from '../criteria.ts';

/** How far sending has come, and what it left out and why, as the figures the register publishes. */
export function DeliveryProgress({ delivery }: { delivery: NonNullable<Campaign['delivery']> }) {
  const { t } = useI18n();
  const { sent, total } = delivery;
  const skipped = Object.entries(delivery.skipped);
  return (
    <div>
      <label htmlFor="delivery-progress">
        {delivery.finishedAt ? t('campaign_sent') : t('campaign_sending')}
      </label>{' '}
      {typeof sent === 'number' && typeof total === 'number' ? (
        <progress id="delivery-progress" max={Math.max(total, 1)} value={Math.min(sent, total)} />
      ) : (
        <progress id="delivery-progress" />
      )}{' '}
      <span role="status">
        {t('messagesSent')}: {sent} / {total}
      </span>
      {skipped.length > 0 && (
        <ul>
          {skipped.map(([reason, count]) => (
            <li key={reason}>
              {t(`excluded_${reason}` as MessageKey)}: {count}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
