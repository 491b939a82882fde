import type { Caller } from '../auth/caller.ts';

import { isStaff, reachableMember } from '../members/access.ts';
import { auditEntry } from '../members/audit.ts';
import type { MemberStore } from '../members/member-store.ts';
import type { MonthTotals, PurchaseStore } from './purchase-store.ts';

/** A member's monthly totals per main group; staff reads are audited like any read of the member. */
export async function readPurchaseMonths(
  caller: Caller,
  customerNumber: string,
  range: { from: string; to: string },
  stores: { purchases: PurchaseStore; members: MemberStore },
): Promise<MonthTotals[]> {
  await reachableMember(caller, customerNumber, stores.members);
  if (isStaff(caller)) {
    await stores.members.audit(
      auditEntry(caller, customerNumber, 'read', new Date().toISOString(), ['purchases']),
    );
  }
  return stores.purchases.months(customerNumber, range.from, range.to);
}
