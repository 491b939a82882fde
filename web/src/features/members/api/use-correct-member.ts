import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/api/api-context.tsx';
import { failedWith, ok } from '../../../lib/api/problem.ts';
import { useApiMutation } from '../../../lib/api/queries.ts';
import { correctionOf, type Draft } from '../draft.ts';
import { memberKeys } from './keys.ts';
import { readMember, type Member } from './use-member.ts';

export interface Correction {
  /** The version the user started from: the API refuses the change if it is no longer the latest. */
  base: Member;
  draft: Draft;
}

/**
 * Saves a correction with If-Match. When someone else saved first, `onConflict` gets the latest
 * version to show what they changed: nothing is overwritten.
 */
export function useCorrectMember(handlers: {
  onSaved(): void;
  onConflict(correction: Correction, latest: Member): void;
  onRefused(correction: Correction, error: Error): void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useApiMutation(
    (client, { base, draft }: Correction) =>
      client.PATCH('/members/{customerNumber}', {
        params: {
          path: { customerNumber: base.customerNumber },
          header: { 'if-match': `"${base.version}"` },
        },
        body: correctionOf(base, draft),
      }),
    {
      onSuccess: (saved) => {
        const key = memberKeys.detail(saved.customerNumber);
        queryClient.setQueryData(key, (old: Member | undefined) => ({
          ...saved,
          sources: saved.sources ?? old?.sources,
        }));
        void queryClient.invalidateQueries({ queryKey: key });
        handlers.onSaved();
      },
      onError: async (error, correction) => {
        if (!failedWith(error, 412)) return handlers.onRefused(correction, error);
        const latest = ok(await readMember(api, correction.base.customerNumber));
        queryClient.setQueryData(memberKeys.detail(latest.customerNumber), latest);
        handlers.onConflict(correction, latest);
      },
    },
  );
}
