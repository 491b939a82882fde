import { Refusal } from '../refusal.ts';
import type { MemberStore } from '../members/member-store.ts';
import type { PurchaseStore } from './purchase-store.ts';
import { receiptCount } from './receipt.ts';
import type { ReceiptInput } from './schemas.ts';

export interface ReceiptResult {
  result: 'counted' | 'duplicate';
  storeId: string;
  receiptId: string;
  month: string;
}

export const unknownMember = () =>
  new Refusal(
    'unknown-member',
    'No such member: the receipt was not counted',
    'Check the card or customer number.',
  );
export const returnExceedsPurchases = (group: string) =>
  new Refusal(
    'return-exceeds-purchases',
    "The return exceeds this month's purchases in its group: the receipt was not counted",
    `Main group ${group}.`,
  );
export const cardBlocked = () =>
  new Refusal(
    'card-blocked',
    'The card was reported lost: the receipt was not counted',
    'Ask for the member’s new card or customer number.',
  );
/** Names neither member: the till learns only that the id is taken. */
export const receiptIdTaken = () =>
  new Refusal(
    'receipt-id-taken',
    'This store and receipt id were counted for another member or month: the receipt was not counted',
    'A receipt id is counted once; send a corrected receipt under a new receipt id.',
  );

/**
 * Counts a receipt exactly once: store + receipt id is its identity, whoever and whenever it names.
 * Usually two single writes (its identity, then its month): the month item exists, so the member does.
 * The month's first receipt is one transaction that creates the month only while the member is one.
 * A resent receipt changes nothing and answers as the first did.
 */
export async function countReceipt(
  receipt: ReceiptInput,
  stores: { purchases: PurchaseStore; members: MemberStore },
  now = new Date(),
): Promise<ReceiptResult> {
  const holder = receipt.cardNumber ? await stores.members.cardHolder(receipt.cardNumber) : undefined;
  // A card bought with before it was reported lost still counts (a till sends what it queued offline).
  if (holder?.blockedAt && Date.parse(receipt.purchasedAt) >= Date.parse(holder.blockedAt))
    throw cardBlocked();
  const customerNumber = receipt.customerNumber ?? holder?.customerNumber;
  if (!customerNumber) throw unknownMember();
  const count = receiptCount(receipt, customerNumber, now);
  let counted = await stores.purchases.count(count, false);
  // The month's first receipt: its transaction creates the month only while the member is one.
  if (counted.outcome === 'month-missing') counted = await stores.purchases.count(count, true);
  switch (counted.outcome) {
    case 'counted':
    case 'duplicate':
      return {
        result: counted.outcome,
        storeId: receipt.storeId,
        receiptId: receipt.receiptId,
        month: count.month,
      };
    case 'conflict':
      throw receiptIdTaken();
    case 'return-exceeds':
      throw returnExceedsPurchases(counted.group);
    case 'no-member':
      throw unknownMember();
    default:
      throw new Error('purchase month missing after creation was allowed');
  }
}
