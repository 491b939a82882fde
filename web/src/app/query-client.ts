import { QueryClient } from '@tanstack/react-query';

/**
 * The one cache of what the API answered, one per session. A failed call is shown, not retried (a
 * refusal would only be refused again), and a page is not read again because its window got focus.
 */
export const createQueryClient = () =>
  new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
