import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useI18n } from '../lib/i18n/i18n-provider.tsx';
import { ErrorNote } from './error-note.tsx';

/** What a page shows of the one thing it is about: loading, the failure, or the thing itself. */
export function Loaded<T>({ query, children }: { query: UseQueryResult<T>; children(data: T): ReactNode }) {
  const { t } = useI18n();
  if (query.isPending) return <p role="status">{t('loading')}</p>;
  if (query.isError) return <ErrorNote error={query.error} />;
  return children(query.data);
}
