import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../../lib/auth/auth-provider.tsx';
import { WORK_QUEUE_ROLES, type WorkQueueName } from '../../../lib/generated/roles.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import { QueueItems } from './queue-items.tsx';

const QUEUES = Object.keys(WORK_QUEUE_ROLES) as WorkQueueName[];

/** The queues the role may work, one at a time (chosen in the URL). */
export function QueuesPage() {
  const { t } = useI18n();
  const { roles } = useSession();
  const [params, setParams] = useSearchParams();
  const mine = QUEUES.filter((queue) =>
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
      <QueueItems queue={queue} key={queue} />
    </>
  );
}
