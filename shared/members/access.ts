import type { Caller } from '../auth/caller.ts';
import { STAFF_ROLES } from '../auth/roles.ts';
import { notFound } from '../refusal.ts';
import type { MemberStore } from './member-store.ts';
import type { DataSource, Member } from './member.ts';

/** A member reaches only their own record; to them every other number simply does not exist. */
export function assertMayReach(caller: Caller, customerNumber: string): void {
  if (caller.role === 'member' && caller.customerNumber !== customerNumber) throw notFound('member');
}

/** The member the caller asked for, if they may reach it; otherwise, as when there is none, 404. */
export async function reachableMember(
  caller: Caller,
  customerNumber: string,
  store: MemberStore,
): Promise<Member> {
  assertMayReach(caller, customerNumber);
  const member = await store.get(customerNumber);
  if (!member) throw notFound('member');
  return member;
}

/** Staff access to personal data is what the audit trail must account for. */
export const isStaff = (caller: Caller): boolean => (STAFF_ROLES as readonly string[]).includes(caller.role);

/** The source recorded for a field the caller sets. */
export function sourceOf(caller: Caller): DataSource {
  switch (caller.role) {
    case 'member':
      return 'member';
    case 'admin':
      return 'admin';
    case 'processor':
      return 'processor';
    default:
      return 'customer-service';
  }
}
