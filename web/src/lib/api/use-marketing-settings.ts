import { useQueryClient } from '@tanstack/react-query';
import { CHANNEL_PURPOSES, CHANNELS } from '../generated/code-lists.ts';
import { useApiMutation, useApiQuery } from './queries.ts';
import type { AnswerOf } from './types.ts';

export type MarketingSettings = AnswerOf<'readMarketingSettings'>;
type Exception = MarketingSettings['ownCustomerException'];

/** Shared by the campaigns (the admin sets it), the join form and the consents panel (which offer the refusal). */
const settingsKey = ['marketing-settings'] as const;

/** Each channel's footing, and whether the own-customer exception is on. */
export const useMarketingSettings = () => useApiQuery(settingsKey, (api) => api.GET('/marketing-settings'));

/** Turns the own-customer exception on or off (the admin's); the settings are read again. */
export function useSetMarketingSettings() {
  const queryClient = useQueryClient();
  return useApiMutation<unknown, Exception>(
    (api, ownCustomerException) => api.PUT('/marketing-settings', { body: { ownCustomerException } }),
    { onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKey }) },
  );
}

/**
 * The consents the forms offer as a refusal rather than a consent: those of the channels on the
 * own-customer exception, which reaches a member unless they refuse. Undefined while the settings are
 * read (a form asks nothing until it knows which it asks); none when they cannot be read, so that
 * every box asks a consent, the stricter question.
 */
export function useRefusablePurposes(): ReadonlySet<string> | undefined {
  const settings = useMarketingSettings();
  if (settings.isPending) return undefined;
  const footing = settings.data?.footing;
  return new Set(
    CHANNELS.filter((channel) => footing?.[channel] === 'own-customer').map(
      (channel) => CHANNEL_PURPOSES[channel],
    ),
  );
}
