import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Api } from '../../../lib/api/client.ts';
import { useApiQuery } from '../../../lib/api/queries.ts';
import type { AnswerOf } from '../../../lib/api/types.ts';
import { memberKeys } from './keys.ts';

export type Member = AnswerOf<'readMember'>;

/** A member's record, with where each field came from. */
export const readMember = (api: Api, customerNumber: string) =>
  api.GET('/members/{customerNumber}', {
    params: { path: { customerNumber }, query: { include: 'sources' } },
  });

export const useMember = (customerNumber: string) =>
  useApiQuery(memberKeys.detail(customerNumber), (api) => readMember(api, customerNumber));

/**
 * Reads the member again, for a panel whose change the record shows (the card, a restriction): its
 * change is done when the record has been read.
 */
export function useRefreshMember(customerNumber: string) {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: memberKeys.detail(customerNumber) }),
    [queryClient, customerNumber],
  );
}
