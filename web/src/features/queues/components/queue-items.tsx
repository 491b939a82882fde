import { Link } from 'react-router';
import { ErrorNote } from '../../../components/error-note.tsx';
import { MoreResults } from '../../../components/more-results.tsx';
import { Table } from '../../../components/table.tsx';
import { may } from '../../../lib/auth/authorization.ts';
import { useSession } from '../../../lib/auth/auth-provider.tsx';
import { formatDate, formatInstant } from '../../../lib/format.ts';
import { QUEUE_RESOLUTIONS, type WorkQueueName } from '../../../lib/generated/roles.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import { useResolveWorkItem, useWorkQueue, type Item, type Resolution } from '../api/use-work-queue.ts';

/** A queue's items, each with the actions that resolve it. */
export function QueueItems({ queue }: { queue: WorkQueueName }) {
  const { t, language } = useI18n();
  const { roles } = useSession();
  const items = useWorkQueue(queue);
  const resolve = useResolveWorkItem(queue);
  // Codes in words: an erasure's reason, a card's answer; an address line's reason is the job's own text.
  const reasonText = (reason: string | undefined) =>
    !reason
      ? '—'
      : queue === 'erasure'
        ? t(`reason_${reason}` as MessageKey)
        : queue === 'card-returned'
          ? t(`status_${reason}` as MessageKey)
          : queue === 'card-waiting'
            ? t(`hold_${reason}` as MessageKey)
            : reason;
  const resolves = may(roles, 'resolveWorkItem');
  const marksChecked = (QUEUE_RESOLUTIONS as Partial<Record<WorkQueueName, readonly string[]>>)[
    queue
  ]?.includes('mark-checked');
  const action = (item: Item, resolution: Resolution, label: MessageKey) => (
    <button type="button" onClick={() => resolve.mutate({ item, resolution })}>
      {t(label)}
    </button>
  );

  return (
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading">{t(`queue_${queue}` as MessageKey)}</h2>
      {items.isError && <ErrorNote error={items.error} />}
      {resolve.isError && <ErrorNote error={resolve.error} />}
      {items.isPending && <p role="status">{t('loading')}</p>}
      {items.isSuccess && (
        <Table
          columns={[
            {
              header: t('member'),
              cell: (item) => <Link to={`/member/${item.customerNumber}`}>{item.customerNumber}</Link>,
            },
            {
              header: queue === 'erasure' ? t('due') : t('since'),
              // An erasure's is the day it falls due; the others', when the item arose.
              cell: (item) =>
                item.since.length === 10
                  ? formatDate(item.since, language)
                  : formatInstant(item.since, language),
            },
            { header: t('reason'), cell: (item) => reasonText(item.reason) },
            queue === 'address-review' && {
              header: t('proposedAddress'),
              cell: ({ proposed }) =>
                proposed ? `${proposed.streetAddress}, ${proposed.postalCode} ${proposed.postOffice}` : '—',
            },
            {
              header: t('action'),
              className: 'actions',
              cell: (item) => (
                <>
                  {resolves &&
                    queue === 'address-review' &&
                    item.proposed &&
                    action(item, 'accept-register', 'acceptRegister')}
                  {resolves && queue === 'address-review' && action(item, 'keep-member', 'keepMember')}
                  {resolves && marksChecked && action(item, 'mark-checked', 'markChecked')}
                  {queue === 'card-returned' &&
                    may(roles, 'orderReplacement') &&
                    action(item, 'resend', 'resendCard')}
                  {queue === 'erasure' && <Link to={`/member/${item.customerNumber}`}>{t('erase')}</Link>}
                  {queue === 'card-waiting' && (
                    <Link to={`/member/${item.customerNumber}#card`}>{t('card')}</Link>
                  )}
                </>
              ),
            },
          ]}
          rows={items.data}
          rowKey={(item) => `${item.customerNumber}#${item.ref}`}
          empty={t('queueEmpty')}
        />
      )}
      <MoreResults pages={items} />
    </section>
  );
}
