import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation, useApiQuery } from '../../../lib/api/queries.ts';
import type { PURPOSE_NAMES } from '../../../lib/generated/code-lists.ts';
import type { BodyOf } from '../../../lib/api/types.ts';
import { consentKeys } from './keys.ts';

export type Purpose = keyof typeof PURPOSE_NAMES;

const member = (customerNumber: string) => ({ params: { path: { customerNumber } } });

/** Each purpose's consent or ban as it stands, the notice's version, and the campaigns that reached the member. */
export const useConsents = (customerNumber: string) =>
  useApiQuery(consentKeys.ofMember(customerNumber), (api) =>
    api.GET('/members/{customerNumber}/consents', member(customerNumber)),
  );

export const useConsentHistory = (customerNumber: string) =>
  useApiQuery(consentKeys.history(customerNumber), (api) =>
    api.GET('/members/{customerNumber}/consents/history', member(customerNumber)),
  );

/**
 * Grants or withdraws one purpose, answering to the notice version the member was shown. Staff record
 * what the member said on the phone; a member answers on the web.
 */
export function useChangeConsent(customerNumber: string, source: 'web' | 'phone') {
  const queryClient = useQueryClient();
  return useApiMutation(
    (
      api,
      change: { purpose: Purpose; granted: boolean; noticeVersion: BodyOf<'changeConsent'>['noticeVersion'] },
    ) =>
      api.PUT('/members/{customerNumber}/consents/{purpose}', {
        params: { path: { customerNumber, purpose: change.purpose } },
        // Staff record it in the console; a member's own answer is self-service whatever is sent.
        body: {
          granted: change.granted,
          source,
          noticeVersion: change.noticeVersion,
          ...(source === 'phone' ? { channel: 'console' as const } : {}),
        },
      }),
    { onSuccess: () => queryClient.invalidateQueries({ queryKey: consentKeys.ofMember(customerNumber) }) },
  );
}
