import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation, useApiQuery } from '../../../lib/api/queries.ts';
import type { AnswerOf, BodyOf } from '../../../lib/api/types.ts';
import { CSV, saveFile } from '../../../lib/save-file.ts';
import { staffKeys } from './keys.ts';

export type StaffAccount = AnswerOf<'listStaff'>['accounts'][number];
export type StaffGroup = StaffAccount['groups'][number];

export const useStaffAccounts = () => useApiQuery(staffKeys.accounts(), (api) => api.GET('/staff-accounts'));

export const useAccessReview = () =>
  useApiQuery(staffKeys.review(), (api) => api.GET('/access-review', { params: { query: {} } }));

/** Every change reads the accounts and the review again. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: staffKeys.all });
}

export function useInviteStaff(onInvited: () => void) {
  const refresh = useRefresh();
  return useApiMutation((api, body: BodyOf<'inviteStaff'>) => api.POST('/staff-accounts', { body }), {
    onSuccess: async () => (onInvited(), refresh()),
  });
}

export type StaffChange = { groups: StaffGroup[] } | { enabled: boolean };

/** Sets an account's groups, or disables or enables it. */
export function useChangeStaff(username: string) {
  const refresh = useRefresh();
  const path = { path: { username } };
  return useApiMutation(
    (api, change: StaffChange) =>
      'groups' in change
        ? api.PUT('/staff-accounts/{username}/groups', { params: path, body: change })
        : api.PUT('/staff-accounts/{username}/enabled', { params: path, body: change }),
    { onSuccess: refresh },
  );
}

/** The access review as the CSV file an auditor keeps. */
export const useDownloadReview = () =>
  useApiMutation(
    (api) => api.GET('/access-review', { params: { query: { format: 'csv' } }, parseAs: 'text' }),
    { onSuccess: (csv) => saveFile(csv, CSV, 'access-review.csv') },
  );
