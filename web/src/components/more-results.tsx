import { useI18n } from '../lib/i18n/i18n-provider.tsx';

/** Reads the next page of a list the API answers a page at a time, while there is one. */
export function MoreResults({
  pages,
}: {
  pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage(): Promise<unknown> };
}) {
  const { t } = useI18n();
  if (!pages.hasNextPage) return null;
  return (
    <button type="button" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
      {t('moreResults')}
    </button>
  );
}
