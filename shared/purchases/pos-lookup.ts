import { notFound } from '../refusal.ts';
import { isCustomerNumber } from '../members/customer-number.ts';
import type { Card } from '../members/member.ts';
import type { MemberStore } from '../members/member-store.ts';

/** What a till may know of a scanned card or number: that it is a member's, and the card's state. Nothing personal. */
export async function posLookup(
  cardOrCustomerNumber: string,
  members: MemberStore,
): Promise<{ member: true; card: Pick<Card, 'type' | 'status'> }> {
  const customerNumber = isCustomerNumber(cardOrCustomerNumber)
    ? cardOrCustomerNumber
    : await members.find({ cardNumber: cardOrCustomerNumber });
  const member = customerNumber ? await members.get(customerNumber) : undefined;
  if (!member) throw notFound('member');
  return { member: true, card: { type: member.card.type, status: member.card.status } };
}
