import { Problem } from '../http/problem.ts';
import type { MemberStore } from '../store/member-store.ts';
import type { MonthTotals, PurchaseStore } from '../store/purchase-store.ts';
import { receiptCount } from './receipt.ts';
import type { ReceiptInput } from './schemas.ts';

export interface ReceiptResult extends MonthTotals {
  result: 'counted' | 'duplicate';
  storeId: string;
  receiptId: string;
}

export const unknownMember = () =>
  new Problem(
    422,
    'unknown-member',
    'No such member: the receipt was not counted',
    'Check the card or customer number.',
  );
export const returnExceedsPurchases = (group: string) =>
  new Problem(
    422,
    'return-exceeds-purchases',
    "The return exceeds this month's purchases in its group: the receipt was not counted",
    `Main group ${group}.`,
  );

/**
 * Counts a receipt exactly once. Usually one conditional write: the month item exists, so the member
 * does. Only the month's first receipt reads the member first, since a write cannot check another item.
 * A resent receipt changes nothing and answers with the month's totals of the groups it touched.
 */
export async function countReceipt(
  receipt: ReceiptInput,
  stores: { purchases: PurchaseStore; members: MemberStore },
): Promise<ReceiptResult> {
  const customerNumber =
    receipt.customerNumber ?? (await stores.members.find({ cardNumber: receipt.cardNumber! }));
  if (!customerNumber) throw unknownMember();
  const count = receiptCount(receipt, customerNumber);
  let counted = await stores.purchases.count(count, false);
  if (counted.outcome === 'month-missing') {
    if (!(await stores.members.get(customerNumber))) throw unknownMember();
    counted = await stores.purchases.count(count, true);
  }
  switch (counted.outcome) {
    case 'counted':
    case 'duplicate':
      return {
        result: counted.outcome,
        storeId: receipt.storeId,
        receiptId: receipt.receiptId,
        ...counted.totals,
      };
    case 'return-exceeds':
      throw returnExceedsPurchases(counted.group);
    default:
      throw new Error('purchase month missing after creation was allowed');
  }
}
