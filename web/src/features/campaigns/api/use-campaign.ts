import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation, useApiQuery } from '../../../lib/api/queries.ts';
import { CSV, saveFile } from '../../../lib/save-file.ts';
import type { AnswerOf } from '../../../lib/api/types.ts';
import type { Campaign, Content, Criteria } from '../criteria.ts';
import { campaignKeys } from './keys.ts';

/** How often a computing campaign is read again for its progress. */
const PROGRESS_POLL_MS = 1000;

const campaign = (campaignId: string) => ({ params: { path: { campaignId } } });

/** A campaign; while its audience is computed or its messages sent elsewhere, read again until done. */
export const useCampaign = (campaignId: string) =>
  useApiQuery(
    campaignKeys.detail(campaignId),
    (api) => api.GET('/campaigns/{campaignId}', campaign(campaignId)),
    {
      refetchInterval: (query) =>
        ['computing', 'sending'].includes(query.state.data?.status ?? '') ? PROGRESS_POLL_MS : false,
    },
  );

/** What the campaign did, against its holdout, or why there is no answer yet. */
export const useCampaignResults = (campaignId: string) =>
  useApiQuery(campaignKeys.results(campaignId), (api) =>
    api.GET('/campaigns/{campaignId}/results', campaign(campaignId)),
  );

/** The saved content in each of its languages, as a member would get it. */
export const useMessagePreviews = (campaignId: string) =>
  useApiQuery(campaignKeys.messages(campaignId), (api) =>
    api.GET('/campaigns/{campaignId}/messages', campaign(campaignId)),
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

/** Saves the campaign's content; its previews are read again. */
export function useEditContent(campaignId: string) {
  const changed = useCampaignChanged();
  const queryClient = useQueryClient();
  return useApiMutation(
    (api, content: Content) =>
      api.PATCH('/campaigns/{campaignId}', { ...campaign(campaignId), body: { content } }),
    {
      onSuccess: (updated) => {
        changed(updated);
        void queryClient.invalidateQueries({ queryKey: campaignKeys.messages(campaignId) });
      },
    },
  );
}

export function useSendCampaign(campaignId: string) {
  const changed = useCampaignChanged();
  return useApiMutation((api) => api.POST('/campaigns/{campaignId}/send', campaign(campaignId)), {
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
