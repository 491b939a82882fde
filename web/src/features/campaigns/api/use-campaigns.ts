import { useApiMutation, useApiPages } from '../../../lib/api/queries.ts';
import type { BodyOf } from '../../../lib/api/types.ts';
import { campaignKeys } from './keys.ts';

/** Marketing's campaigns, newest first, a page at a time. */
export const useCampaigns = () =>
  useApiPages(
    campaignKeys.list(),
    (api, cursor) => api.GET('/campaigns', { params: { query: cursor ? { cursor } : {} } }),
    (page) => page.campaigns,
  );

export const useCreateCampaign = (onCreated: (campaignId: string) => void) =>
  useApiMutation((api, body: BodyOf<'createCampaign'>) => api.POST('/campaigns', { body }), {
    onSuccess: (campaign) => onCreated(campaign.campaignId),
  });
