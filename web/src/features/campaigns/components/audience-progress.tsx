import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';

type Figure = number | '< 5';

/** How far the audience's computation has come: a progress bar, and the figures in words (fewer than five tells no more). */
export function AudienceProgress({ progress }: { progress: { considered: Figure; total: Figure } }) {
  const { t } = useI18n();
  const { considered, total } = progress;
  return (
    <div>
      <label htmlFor="audience-progress">{t('computing')}</label>{' '}
      {typeof considered === 'number' && typeof total === 'number' ? (
        <progress id="audience-progress" max={Math.max(total, 1)} value={Math.min(considered, total)} />
      ) : (
        <progress id="audience-progress" />
      )}{' '}
      <span role="status">
        {progress.considered} / {progress.total}
      </span>
    </div>
  );
}
