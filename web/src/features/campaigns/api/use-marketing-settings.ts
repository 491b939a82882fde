import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation, useApiQuery } from '../../../lib/api/queries.ts';
import type { AnswerOf } from '../../../lib/api/types.ts';
import { campaignKeys } from './keys.ts';

export type MarketingSettings = AnswerOf<'readMarketingSettings'>;
type Exception = MarketingSettings['ownCustomerException'];

/** Each channel's footing, and whether the own-customer exception is on. */
export const useMarketingSettings = () =>
  useApiQuery(campaignKeys.settings(), (api) => api.GET('/marketing-settings'));

/** Turns the own-customer exception on or off (the admin's); the settings are read again. */
export function useSetMarketingSettings() {
  const queryClient = useQueryClient();
  return useApiMutation<unknown, Exception>(
    (api, ownCustomerException) => api.PUT('/marketing-settings', { body: { ownCustomerException } }),
    { onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.settings() }) },
  );
}
