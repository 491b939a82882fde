import type { Caller } from '../auth/caller.ts';
import { notFound } from '../http/problem.ts';
import type { MemberStore } from '../store/member-store.ts';
import { assertMayReach, isStaff } from './access.ts';
import { auditEntry } from './audit.ts';
import type { Member } from './member.ts';

/** A member's record; a staff read is audited before the data is handed out. */
export async function readMember(
  caller: Caller,
  customerNumber: string,
  store: MemberStore,
): Promise<Member> {
  assertMayReach(caller, customerNumber);
  const member = await store.get(customerNumber);
  if (!member) throw notFound('member');
  if (isStaff(caller))
    await store.audit(auditEntry(caller, customerNumber, 'read', new Date().toISOString()));
  return member;
}
