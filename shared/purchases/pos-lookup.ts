import { notFound } from '../refusal.ts';
import { isCustomerNumber } from '../members/customer-number.ts';
import type { Card } from '../members/member.ts';
import type { MemberStore } from '../members/member-store.ts';
import { tierForTill, type BenefitsDeps } from '../benefits/read-benefits.ts';

/**
 * What a till may know of a scanned card or number: that it is a member's, the card's state, and the
 * benefit tier the month so far has reached. Nothing personal.
 */
export async function posLookup(
  cardOrCustomerNumber: string,
  deps: { members: MemberStore } & Pick<BenefitsDeps, 'purchases' | 'rules'>,
  now = new Date(),
): Promise<{
  member: true;
  card: { type: Card['type']; status: Card['status'] | 'BLOCKED' };
  tierPercent: number;
}> {
  const members = deps.members;
  const holder = isCustomerNumber(cardOrCustomerNumber)
    ? { customerNumber: cardOrCustomerNumber }
    : await members.cardHolder(cardOrCustomerNumber);
  const member = holder ? await members.get(holder.customerNumber) : undefined;
  if (!member) throw notFound('member');
  // A card reported lost: the till takes it no more, and hears why.
  return {
    member: true,
    card: { type: member.card.type, status: holder!.blockedAt ? 'BLOCKED' : member.card.status },
    tierPercent: await tierForTill(member.customerNumber, deps, now),
  };
}
