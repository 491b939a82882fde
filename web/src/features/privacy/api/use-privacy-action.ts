import { useApiMutation } from '../../../lib/api/queries.ts';
import type { ERASURE_REASONS } from '../../../lib/generated/code-lists.ts';
import { saveFile } from '../../../lib/save-file.ts';

export type ErasureReason = (typeof ERASURE_REASONS)[number];
export type PrivacyAction =
  | { action: 'export' | 'erasure-request' | 'end' }
  | { action: 'restrict'; restricted: boolean }
  | { action: 'erase'; reason: ErasureReason };

/**
 * The data subject's rights on one member: download their data, record an erasure request, end the
 * membership, restrict processing or lift it, erase. `onChanged` reads the member again (the action is
 * done when it is); `onErased` leaves the page of a member who is no more.
 */
export function usePrivacyAction(
  customerNumber: string,
  handlers: { onChanged(): Promise<unknown>; onErased(): void },
) {
  const path = { path: { customerNumber } };
  return useApiMutation<unknown, PrivacyAction>(
    (api, request) => {
      switch (request.action) {
        case 'export':
          return api.GET('/members/{customerNumber}/export', { params: path });
        case 'erasure-request':
          return api.POST('/members/{customerNumber}/erasure-request', { params: path });
        case 'end':
          return api.POST('/members/{customerNumber}/membership-end', { params: path });
        case 'restrict':
          return api.PUT('/members/{customerNumber}/restriction', {
            params: path,
            body: { restricted: request.restricted },
          });
        case 'erase':
          return api.DELETE('/members/{customerNumber}', {
            params: { ...path, query: { reason: request.reason } },
          });
      }
    },
    {
      onSuccess: (answer, request) => {
        if (request.action === 'erase') return handlers.onErased();
        if (request.action === 'export')
          saveFile(JSON.stringify(answer, null, 2), 'application/json', `member-${customerNumber}.json`);
        return handlers.onChanged();
      },
    },
  );
}
