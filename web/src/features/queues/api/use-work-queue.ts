import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation, useApiPages } from '../../../lib/api/queries.ts';
import type { AnswerOf } from '../../../lib/api/types.ts';
import type { WorkQueueName } from '../../../lib/generated/roles.ts';
import { queueKeys } from './keys.ts';

export type Item = AnswerOf<'workQueue'>['items'][number];
export type Resolution = 'accept-register' | 'keep-member' | 'mark-checked' | 'resend';

/** A queue's items, a page at a time. */
export const useWorkQueue = (queue: WorkQueueName) =>
  useApiPages(
    queueKeys.items(queue),
    (api, cursor) =>
      api.GET('/work-queues/{queue}', { params: { path: { queue }, query: cursor ? { cursor } : {} } }),
    (page) => page.items,
  );

/** Resolves an item by one audited action, which takes it off its queue: a card sent again, or a resolution. */
export function useResolveWorkItem(queue: WorkQueueName) {
  const queryClient = useQueryClient();
  return useApiMutation<unknown, { item: Item; resolution: Resolution }>(
    (api, { item, resolution }) =>
      resolution === 'resend'
        ? api.POST('/members/{customerNumber}/card/replacement', {
            params: { path: { customerNumber: item.customerNumber } },
          })
        : api.POST('/work-queues/{queue}/resolutions', {
            params: { path: { queue } },
            body: { customerNumber: item.customerNumber, ref: item.ref, resolution },
          }),
    { onSuccess: () => queryClient.invalidateQueries({ queryKey: queueKeys.items(queue) }) },
  );
}
