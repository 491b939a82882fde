import type { Registration } from '../../../components/registration-form.tsx';
import { useApiMutation } from '../../../lib/api/queries.ts';
import type { BodyOf } from '../../../lib/api/types.ts';

/** Links the signed-in account to the membership whose card and birth date the person gives. */
export const useLinkAccount = (onLinked: () => void) =>
  useApiMutation(
    (api, card: { cardNumber: string; birthDate: string }) =>
      api.POST('/account/link', { body: { by: 'card', ...card } }),
    { onSuccess: onLinked },
  );

/** Takes back the membership that has the account's verified email, from an account linked by card. */
export const useTakeBack = (onLinked: () => void) =>
  useApiMutation((api) => api.POST('/account/link', { body: { by: 'email' } }), { onSuccess: onLinked });

/** Joins as a new member, with an answer for every consent asked. */
export const useJoin = (onJoined: () => void) =>
  useApiMutation(
    (api, body: Registration & Pick<BodyOf<'joinAsMember'>, 'consents'>) =>
      api.POST('/account/membership', { body }),
    { onSuccess: onJoined },
  );
