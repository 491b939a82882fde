import type { Caller } from '../auth/caller.ts';
import { conflict, notFound, preconditionFailed } from '../http/problem.ts';
import type { CardOrder, MemberStore } from '../store/member-store.ts';
import { assertMayReach } from './access.ts';
import { auditEntry } from './audit.ts';
import type { Card, CardType, Member } from './member.ts';
import { refusal } from './outcome.ts';

/** A card the member already holds: choosing again orders a replacement rather than a first card. */
const HELD = new Set<Card['status']>(['PRODUCED', 'SHIPPED']);

/**
 * The member's card choice. Choosing a card places an order in the card order queue; changing the
 * choice while an order waits cancels that order first, so a member never gets two cards.
 * Choosing what is already chosen changes nothing, which makes the PUT safe to repeat.
 */
export async function chooseCard(
  caller: Caller,
  customerNumber: string,
  type: CardType,
  expectedVersion: number | undefined,
  store: MemberStore,
  now = new Date(),
): Promise<Member> {
  assertMayReach(caller, customerNumber);
  const before = await store.get(customerNumber);
  if (!before) throw notFound('member');
  if (expectedVersion !== undefined && before.version !== expectedVersion) throw preconditionFailed();
  if (before.card.type === type) return before;
  if (type !== 'NONE' && before.flags.deceased)
    throw conflict('member-deceased', 'No card is ordered for a deceased member');

  const at = now.toISOString();
  const order: CardOrder | undefined =
    type === 'NONE'
      ? undefined
      : {
          customerNumber,
          orderedAt: at,
          cardType: type,
          orderType: HELD.has(before.card.status) ? 'REPLACEMENT' : 'NEW',
        };
  const card: Card = order ? { type, status: 'ORDERED', orderedAt: at } : { type: 'NONE', status: 'NONE' };
  const after: Member = { ...before, card, version: before.version + 1, updatedAt: at };

  const saved = await store.save({
    before,
    after,
    audit: auditEntry(caller, customerNumber, 'choose-card', at, ['card']),
    ...(order ? { placeCardOrder: order } : {}),
    ...(before.card.status === 'ORDERED' && before.card.orderedAt
      ? { cancelCardOrder: before.card.orderedAt }
      : {}),
  });
  if (saved.outcome !== 'saved') throw refusal(saved);
  return after;
}
