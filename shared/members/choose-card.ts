import type { Caller } from '../auth/caller.ts';
import { Refusal, staleVersion } from '../refusal.ts';
import type { CardOrder, MemberStore } from './member-store.ts';
import { reachableMember } from './access.ts';
import { auditEntry } from './audit.ts';
import {
  CARD_NOT_RECEIVED,
  isExpectedVersion,
  type Card,
  type CardType,
  type ExpectedVersion,
  type Member,
} from './member.ts';
import { decidedOnFreshRead, saveChange } from './change-member.ts';

/** A card the member already holds: choosing again orders a replacement rather than a first card. */
const HELD = new Set<Card['status']>(['PRODUCED', 'SHIPPED']);

const deceased = () => new Refusal('member-deceased', 'No card is ordered for a deceased member');
const noCardToReplace = () =>
  new Refusal('no-card-to-replace', 'The member holds no card to replace; choose a card instead');

/**
 * The member's card choice. Choosing a card places an order in the card order queue; changing the
 * choice while an order waits cancels that order first, so a member never gets two cards.
 * Choosing what is already chosen changes nothing, which makes the PUT safe to repeat.
 */
export async function chooseCard(
  caller: Caller,
  customerNumber: string,
  type: CardType,
  expectedVersion: ExpectedVersion | undefined,
  store: MemberStore,
  now = new Date(),
): Promise<Member> {
  const choose = async () => {
    const before = await reachableMember(caller, customerNumber, store);
    if (expectedVersion !== undefined && !isExpectedVersion(expectedVersion, before.version))
      throw staleVersion();
    if (before.card.type === type) return before;
    if (type === 'NONE') return saveCardChange(caller, before, undefined, store, now);
    if (before.flags.deceased) throw deceased();
    return saveCardChange(
      caller,
      before,
      { type, orderType: HELD.has(before.card.status) ? 'REPLACEMENT' : 'NEW' },
      store,
      now,
    );
  };
  // Held to the version the caller read, or decided again on a fresh read: the same choice twice at once is one.
  return expectedVersion === undefined ? decidedOnFreshRead(choose) : choose();
}

/**
 * A broken or worn card (a lost one: reportLostCard): a replacement of the same type goes into the
 * queue. The old card keeps working at the tills until its successor is produced. A returned or
 * rejected card is sent again the same way, as a new card. Asking again while it waits changes nothing.
 */
export const orderReplacement = (
  caller: Caller,
  customerNumber: string,
  store: MemberStore,
  now = new Date(),
) =>
  decidedOnFreshRead(async (): Promise<Member> => {
    const before = await reachableMember(caller, customerNumber, store);
    if (before.card.status === 'ORDERED') return before;
    const held = HELD.has(before.card.status);
    if (before.card.type === 'NONE' || !(held || CARD_NOT_RECEIVED.has(before.card.status))) {
      throw noCardToReplace();
    }
    if (before.flags.deceased) throw deceased();
    return saveCardChange(
      caller,
      before,
      { type: before.card.type, orderType: held ? 'REPLACEMENT' : 'NEW' },
      store,
      now,
    );
  });

/**
 * A lost card: it stops resolving at the tills at once (they hear it is blocked) and, unless one
 * waits already, a replacement of the same type is ordered. Reporting it again changes nothing.
 */
export const reportLostCard = (
  caller: Caller,
  customerNumber: string,
  store: MemberStore,
  now = new Date(),
) =>
  // Two reports at once: the second is decided on the member the first saved, and changes nothing.
  decidedOnFreshRead(async (): Promise<Member> => {
    const before = await reachableMember(caller, customerNumber, store);
    const lost = before.card.cardNumber;
    if (before.card.type === 'NONE' || !lost) {
      if (before.card.status === 'ORDERED') return before;
      throw noCardToReplace();
    }
    if (before.flags.deceased) throw deceased();
    // Only a loyalty card the tills resolve to this member can be blocked (a MasterCard is the bank's).
    const holder = await store.cardHolder(lost);
    const blockCard =
      holder?.customerNumber === customerNumber && !holder.blockedAt ? { blockCard: lost } : {};
    // A replacement on its way (ordered, or in a batch being made): block the card, order nothing more.
    if (before.card.status === 'ORDERED' || before.card.status === 'BATCHED') {
      const at = now.toISOString();
      const { cardNumber: _lost, ...card } = before.card;
      return saveChange(store, before, { card }, at, {
        audit: auditEntry(caller, customerNumber, 'choose-card', at, ['card']),
        ...blockCard,
      });
    }
    return saveCardChange(caller, before, { type: before.card.type, orderType: 'REPLACEMENT' }, store, now, {
      keepNumber: false,
      ...blockCard,
    });
  });

/**
 * The name on the card as agreed with the member when their own cannot be embossed as it is (or they
 * want it spelt otherwise): a waiting order leaves the card-waiting queue and goes in the next batch.
 * Agreeing the same spelling again changes nothing.
 */
export async function agreeNameOnCard(
  caller: Caller,
  customerNumber: string,
  agreedNameOnCard: string,
  expectedVersion: ExpectedVersion | undefined,
  store: MemberStore,
  now = new Date(),
): Promise<Member> {
  const agree = async () => {
    const before = await reachableMember(caller, customerNumber, store);
    if (expectedVersion !== undefined && !isExpectedVersion(expectedVersion, before.version))
      throw staleVersion();
    if (before.card.agreedNameOnCard === agreedNameOnCard) return before;
    const at = now.toISOString();
    return saveChange(store, before, { card: { ...before.card, agreedNameOnCard } }, at, {
      audit: auditEntry(caller, customerNumber, 'name-on-card', at, ['card.agreedNameOnCard']),
    });
  };
  return expectedVersion === undefined ? decidedOnFreshRead(agree) : agree();
}

/** The card choice and its order queue entry in one save; a waiting order is cancelled. */
async function saveCardChange(
  caller: Caller,
  before: Member,
  wanted: { type: Exclude<CardType, 'NONE'>; orderType: CardOrder['orderType'] } | undefined,
  store: MemberStore,
  now: Date,
  lost: { keepNumber: boolean; blockCard?: string } = { keepNumber: true },
): Promise<Member> {
  const at = now.toISOString();
  const { customerNumber } = before;
  const order: CardOrder | undefined = wanted && {
    customerNumber,
    orderedAt: at,
    cardType: wanted.type,
    orderType: wanted.orderType,
  };
  // The card in hand keeps its number (and keeps working) until the new one is produced; a lost one does not.
  const held = before.card.cardNumber && lost.keepNumber ? { cardNumber: before.card.cardNumber } : {};
  // A spelling agreed with the member is theirs, whichever card they choose.
  const agreed = before.card.agreedNameOnCard ? { agreedNameOnCard: before.card.agreedNameOnCard } : {};
  const card: Card = order
    ? { type: order.cardType, status: 'ORDERED', orderedAt: at, ...held, ...agreed }
    : { type: 'NONE', status: 'NONE', ...agreed };
  return saveChange(store, before, { card }, at, {
    audit: auditEntry(caller, customerNumber, 'choose-card', at, ['card']),
    ...(order ? { placeCardOrder: order } : {}),
    ...(before.card.status === 'ORDERED' && before.card.orderedAt
      ? { cancelCardOrder: before.card.orderedAt }
      : {}),
    ...(lost.blockCard ? { blockCard: lost.blockCard } : {}),
  });
}
