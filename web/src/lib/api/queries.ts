// The three shapes every feature's api/ is built of, so that a feature names only its key and its
// call: the client comes from the session, and a failed answer becomes the query's error.

import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  type QueryKey,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useApi } from './api-context.tsx';
import type { Api } from './client.ts';
import { ok, type Answer } from './problem.ts';

/** One answer of the API, cached under the key. */
export function useApiQuery<T>(
  queryKey: QueryKey,
  call: (api: Api) => Promise<Answer<T>>,
  options: Omit<UseQueryOptions<T>, 'queryKey' | 'queryFn'> = {},
) {
  const api = useApi();
  return useQuery({ queryKey, queryFn: async () => ok(await call(api)), ...options });
}

/**
 * A list the API answers a page at a time (`next` is the next page's cursor): `data` is the items of
 * the pages read so far, `fetchNextPage` reads one more.
 */
export function useApiPages<Page extends { next?: string }, Item>(
  queryKey: QueryKey,
  call: (api: Api, cursor: string | undefined) => Promise<Answer<Page>>,
  itemsOf: (page: Page) => readonly Item[],
  options: { enabled?: boolean } = {},
) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => ok(await call(api, pageParam)),
    getNextPageParam: (last) => last.next,
    select: (data) => data.pages.flatMap(itemsOf),
    ...options,
  });
}

/** A change, or a read on demand (a download): its answer's data, or its problem as the error. */
export function useApiMutation<T, Variables = void>(
  call: (api: Api, variables: Variables) => Promise<Answer<T>>,
  options: Omit<UseMutationOptions<T, Error, Variables>, 'mutationFn'> = {},
) {
  const api = useApi();
  return useMutation({
    mutationFn: async (variables: Variables) => ok(await call(api, variables)),
    ...options,
  });
}
