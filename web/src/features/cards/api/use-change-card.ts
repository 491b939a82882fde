import { useApiMutation } from '../../../lib/api/queries.ts';
import type { AnswerOf } from '../../../lib/api/types.ts';
import type { CARD_TYPES } from '../../../lib/generated/code-lists.ts';

export type CardType = (typeof CARD_TYPES)[number];
/** What the card panel needs of a member's record. */
export type CardHolder = Pick<AnswerOf<'readMember'>, 'customerNumber' | 'version' | 'card'>;
export type CardChange =
  | { action: 'choose'; type: CardType }
  | { action: 'name'; nameOnCard: string }
  | { action: 'replace' | 'lost' };

/** Chooses another card or agrees the name on it (with If-Match), orders a replacement, or reports the card lost; done when `onChanged` is. */
export function useChangeCard(member: CardHolder, onChanged: () => Promise<unknown>) {
  const path = { path: { customerNumber: member.customerNumber } };
  return useApiMutation(
    (api, change: CardChange) =>
      change.action === 'choose'
        ? api.PUT('/members/{customerNumber}/card', {
            params: { ...path, header: { 'if-match': `"${member.version}"` } },
            body: { type: change.type },
          })
        : change.action === 'name'
          ? api.PUT('/members/{customerNumber}/card/name-on-card', {
              params: { ...path, header: { 'if-match': `"${member.version}"` } },
              body: { nameOnCard: change.nameOnCard },
            })
          : change.action === 'replace'
            ? api.POST('/members/{customerNumber}/card/replacement', { params: path })
            : api.POST('/members/{customerNumber}/card/lost', { params: path }),
    { onSuccess: onChanged },
  );
}
