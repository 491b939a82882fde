import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';

/** How far the audience's computation has come: a progress bar, and the count in words. */
export function AudienceProgress({ progress }: { progress: { considered: number; total: number } }) {
  const { t } = useI18n();
  return (
    <div>
      <label htmlFor="audience-progress">{t('computing')}</label>{' '}
      <progress
        id="audience-progress"
        max={Math.max(progress.total, 1)}
        value={Math.min(progress.considered, progress.total)}
      />{' '}
      <span role="status">
        {progress.considered} / {progress.total}
      </span>
    </div>
  );
}
