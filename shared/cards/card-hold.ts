import { isLeaving, type Member } from '../members/member.ts';
import { nameOnCard } from './name-on-card.ts';

/** Why a waiting order is not put in a batch now: it waits, or (deceased) it ends. */
export type CardHold =
  | 'protected-address'
  | 'no-address'
  | 'name-not-embossable'
  | 'restricted'
  | 'leaving'
  | 'no-member'
  | 'deceased';

/** The holds customer service can lift, so they put the order on the card-waiting queue. */
export const HOLDS_FOR_A_PERSON: ReadonlySet<CardHold> = new Set<CardHold>([
  'name-not-embossable',
  'protected-address',
  'no-address',
]);

export function cardHold(member: Member | undefined): CardHold | undefined {
  if (!member) return 'no-member';
  if (member.flags.deceased) return 'deceased';
  if (member.flags.protectedAddress) return 'protected-address';
  if (member.flags.restricted) return 'restricted';
  if (isLeaving(member)) return 'leaving';
  if (!member.streetAddress || !member.postalCode || !member.postOffice) return 'no-address';
  // A surname in letters the manufacturer cannot emboss (Han, for one) waits for customer service to agree a spelling.
  if (!member.card.agreedNameOnCard && nameOnCard('', member.surname) === '') return 'name-not-embossable';
  return undefined;
}

/** Why the member's card order waits for a person, if it does. */
export const cardOrderWaitsFor = (member: Member): CardHold | undefined => {
  const hold = member.card.status === 'ORDERED' ? cardHold(member) : undefined;
  return hold && HOLDS_FOR_A_PERSON.has(hold) ? hold : undefined;
};
