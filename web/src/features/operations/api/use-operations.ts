import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation, useApiQuery } from '../../../lib/api/queries.ts';
import type { AnswerOf } from '../../../lib/api/types.ts';
import { operationsKeys } from './keys.ts';

/** How often the runs are read again while a run asked for has not shown. */
const WATCH_MS = 2000;

/** The jobs' last runs and the address files not applied; read again every two seconds while `watching`. */
export const useJobRuns = (watching: (view: AnswerOf<'jobRuns'> | undefined) => boolean) =>
  useApiQuery(operationsKeys.jobRuns, (api) => api.GET('/job-runs'), {
    refetchInterval: (query) => (watching(query.state.data) ? WATCH_MS : false),
  });

export const useCardBatches = () =>
  useApiQuery(operationsKeys.cardBatches, (api) => api.GET('/card-batches', { params: { query: {} } }));

/** Asks for a card batch run now: it starts at once, outside the request. */
export const useRunCardBatch = (onAsked: () => void) =>
  useApiMutation((api) => api.POST('/job-runs/card-batch'), { onMutate: onAsked });

/** Reads the batches again: a run that ended may have made one. The same function on every render. */
export function useRefreshCardBatches() {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: operationsKeys.cardBatches }),
    [queryClient],
  );
}
