import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation, useApiQuery } from '../../../lib/api/queries.ts';
import { CSV, saveFile } from '../../../lib/save-file.ts';
import type { AnswerOf } from '../../../lib/api/types.ts';
import type { Campaign, Criteria } from '../criteria.ts';
import { campaignKeys } from './keys.ts';

/** How often a computing campaign is read again for its progress. */
const PROGRESS_POLL_MS = 1000;

const campaign = (campaignId: string) => ({ params: { path: { campaignId } } });

/** A campaign; while its audience is computed elsewhere, read again until it is done. */
export const useCampaign = (campaignId: string) =>
  useApiQuery(
    campaignKeys.detail(campaignId),
    (api) => api.GET('/campaigns/{campaignId}', campaign(campaignId)),
    {
      refetchInterval: (query) => (query.state.data?.status === 'computing' ? PROGRESS_POLL_MS : false),
    },
  );

/**
 * A change the API answers with the campaign as it now is: cached as that (with the previews read
 * before), and the list read again.
 */
function useCampaignChanged() {
  const queryClient = useQueryClient();
  return (updated: AnswerOf<'editCampaign'>) => {
    queryClient.setQueryData(campaignKeys.detail(updated.campaignId), (read: Campaign | undefined) =>
      read ? { ...read, ...updated } : undefined,
    );
    void queryClient.invalidateQueries({ queryKey: campaignKeys.list() });
  };
}

/** Who the campaign would reach now, and who would be left out and why; the preview joins the campaign's list of them. */
export function usePreviewAudience(campaignId: string) {
  const queryClient = useQueryClient();
  return useApiMutation((api) => api.GET('/campaigns/{campaignId}/preview', campaign(campaignId)), {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) }),
  });
}

export function useComputeAudience(campaignId: string) {
  const changed = useCampaignChanged();
  return useApiMutation((api) => api.POST('/campaigns/{campaignId}/audience', campaign(campaignId)), {
    onSuccess: changed,
  });
}

export function useCloseCampaign(campaignId: string) {
  const changed = useCampaignChanged();
  return useApiMutation((api) => api.POST('/campaigns/{campaignId}/close', campaign(campaignId)), {
    onSuccess: changed,
  });
}

/** Saves a draft's criteria. */
export function useEditCriteria(campaignId: string) {
  const changed = useCampaignChanged();
  return useApiMutation(
    (api, criteria: Criteria) =>
      api.PATCH('/campaigns/{campaignId}', { ...campaign(campaignId), body: { criteria } }),
    { onSuccess: changed },
  );
}

/** The computed audience as the CSV the mailing is made from. */
export const useDownloadAudience = (campaignId: string) =>
  useApiMutation(
    (api) =>
      api.GET('/campaigns/{campaignId}/audience', {
        params: { path: { campaignId }, query: { format: 'csv' } },
        parseAs: 'text',
      }),
    { onSuccess: (csv) => saveFile(csv, CSV, `${campaignId}.csv`) },
  );
