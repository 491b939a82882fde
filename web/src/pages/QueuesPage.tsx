import { Link, useSearchParams } from 'react-router';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { may, ok } from '../api.ts';
import { useApi } from '../App.tsx';
import { useSession } from '../auth.tsx';
import { formatDate, formatInstant } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { WORK_QUEUE_ROLES, type WorkQueueName } from '../lib/generated/roles.ts';
import type { operations } from '../lib/generated/schema.ts';
import { ErrorNote } from './parts.tsx';

type Item = operations['workQueue']['responses'][200]['content']['application/json']['items'][number];

export function QueuesPage() {
  const { t } = useI18n();
  const { roles } = useSession();
  const [params, setParams] = useSearchParams();
  const mine = (Object.keys(WORK_QUEUE_ROLES) as WorkQueueName[]).filter((queue) =>
    roles.some((role) => (WORK_QUEUE_ROLES[queue] as readonly string[]).includes(role)),
  );
  const chosen = params.get('queue');
  const queue = mine.find((q) => q === chosen) ?? mine[0]!;
  return (
    <>
      <h1>{t('queues')}</h1>
      <nav aria-label={t('queues')}>
        <ul className="tabs">
          {mine.map((name) => (
            <li key={name}>
              <Link
                to={`?queue=${name}`}
                aria-current={name === queue ? 'page' : undefined}
                onClick={() => setParams({ queue: name })}
              >
                {t(`queue_${name}` as MessageKey)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Queue queue={queue} key={queue} />
    </>
  );
}

function Queue({ queue }: { queue: WorkQueueName }) {
  const { t, language } = useI18n();
  const { roles } = useSession();
  const api = useApi();
  const queryClient = useQueryClient();
  const items = useInfiniteQuery({
    queryKey: ['queue', queue],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      ok(
        await api.GET('/work-queues/{queue}', {
          params: { path: { queue }, query: pageParam ? { cursor: pageParam } : {} },
        }),
      ),
    getNextPageParam: (last) => last.next,
  });
  const act = useMutation({
    mutationFn: async ({
      item,
      action,
    }: {
      item: Item;
      action: 'accept-register' | 'keep-member' | 'mark-checked' | 'resend';
    }) => {
      if (action === 'resend')
        return ok(
          await api.POST('/members/{customerNumber}/card/replacement', {
            params: { path: { customerNumber: item.customerNumber } },
          }),
        );
      return ok(
        await api.POST('/work-queues/{queue}/resolutions', {
          params: { path: { queue } },
          body: { customerNumber: item.customerNumber, ref: item.ref, resolution: action },
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['queue', queue] }),
  });
  const list = items.data?.pages.flatMap((page) => page.items) ?? [];
  // Codes in words: an erasure's reason, a card's answer; an address line's reason is the job's own text.
  const reasonText = (of: WorkQueueName, reason: string | undefined) =>
    !reason
      ? '—'
      : of === 'erasure'
        ? t(`reason_${reason}` as MessageKey)
        : of === 'card-returned'
          ? t(`status_${reason}` as MessageKey)
          : reason;
  const resolves = may(roles, 'resolveWorkItem');

  return (
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading">{t(`queue_${queue}` as MessageKey)}</h2>
      {items.isError && <ErrorNote error={items.error} />}
      {act.isError && <ErrorNote error={act.error} />}
      {items.isPending && <p role="status">{t('loading')}</p>}
      {items.isSuccess && list.length === 0 && <p>{t('queueEmpty')}</p>}
      {list.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('member')}</th>
              <th scope="col">{queue === 'erasure' ? t('due') : t('since')}</th>
              <th scope="col">{t('reason')}</th>
              {queue === 'address-review' && <th scope="col">{t('proposedAddress')}</th>}
              <th scope="col">{t('action')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((item) => (
              <tr key={`${item.customerNumber}#${item.ref}`}>
                <td>
                  <Link to={`/member/${item.customerNumber}`}>{item.customerNumber}</Link>
                </td>
                <td>
                  {/* An erasure's is the day it falls due; the others', when the item arose. */}
                  {item.since.length === 10
                    ? formatDate(item.since, language)
                    : formatInstant(item.since, language)}
                </td>
                <td>{reasonText(queue, item.reason)}</td>
                {queue === 'address-review' && (
                  <td>
                    {item.proposed
                      ? `${item.proposed.streetAddress}, ${item.proposed.postalCode} ${item.proposed.postOffice}`
                      : '—'}
                  </td>
                )}
                <td className="actions">
                  {resolves && queue === 'address-review' && item.proposed && (
                    <button type="button" onClick={() => act.mutate({ item, action: 'accept-register' })}>
                      {t('acceptRegister')}
                    </button>
                  )}
                  {resolves && queue === 'address-review' && (
                    <button type="button" onClick={() => act.mutate({ item, action: 'keep-member' })}>
                      {t('keepMember')}
                    </button>
                  )}
                  {resolves && queue === 'address-doubtful' && (
                    <button type="button" onClick={() => act.mutate({ item, action: 'mark-checked' })}>
                      {t('markChecked')}
                    </button>
                  )}
                  {queue === 'card-returned' && may(roles, 'orderReplacement') && (
                    <button type="button" onClick={() => act.mutate({ item, action: 'resend' })}>
                      {t('resendCard')}
                    </button>
                  )}
                  {queue === 'erasure' && <Link to={`/member/${item.customerNumber}`}>{t('erase')}</Link>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {items.hasNextPage && (
        <button type="button" onClick={() => void items.fetchNextPage()}>
          {t('moreResults')}
        </button>
      )}
    </section>
  );
}
