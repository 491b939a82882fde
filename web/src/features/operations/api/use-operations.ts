import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation, useApiQuery } from '../../../lib/api/queries.ts';
import type { AnswerOf } from '../../../lib/api/types.ts';
import { operationsKeys } from './keys.ts';
import type { ON_DEMAND_JOBS } from '../../../lib/generated/code-lists.ts';

/** How often the runs are read again while a run asked for has not shown. */
const WATCH_MS = 2000;

/** The jobs' last runs and the address files not applied; read again every two seconds while `watching`. */
export const useJobRuns = (watching: (view: AnswerOf<'jobRuns'> | undefined) => boolean) =>
  useApiQuery(operationsKeys.jobRuns, (api) => api.GET('/job-runs'), {
    refetchInterval: (query) => (watching(query.state.data) ? WATCH_MS : false),
  });

export const useCardBatches = () =>
  useApiQuery(operationsKeys.cardBatches, (api) => api.GET('/card-batches', { params: { query: {} } }));

export type OnDemandJob = keyof typeof ON_DEMAND_JOBS;

/** Asks for a run of a job now, with its inputs: it starts at once, outside the request. */
export const useRunJob = (onAsked: () => void) =>
  useApiMutation(
    (api, { job, dryRun }: { job: OnDemandJob; dryRun?: boolean }) =>
      api.POST('/job-runs/{job}', {
        params: {
          path: { job },
          query: dryRun === undefined ? {} : { dryRun: dryRun ? 'true' : 'false' },
        },
      }),
    { onMutate: onAsked },
  );

/** Reads the batches again: a run that ended may have made one. The same function on every render. */
export function useRefreshCardBatches() {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: operationsKeys.cardBatches }),
    [queryClient],
  );
}
