import type { Caller } from '../auth/caller.ts';

import type { MemberStore } from './member-store.ts';
import { isStaff, reachableMember } from './access.ts';
import { auditEntry } from './audit.ts';
import type { Member } from './member.ts';

/** A member's record; a staff read is audited before the data is handed out. */
export async function readMember(
  caller: Caller,
  customerNumber: string,
  store: MemberStore,
): Promise<Member> {
  const member = await reachableMember(caller, customerNumber, store);
  if (isStaff(caller))
    await store.audit(auditEntry(caller, customerNumber, 'read', new Date().toISOString()));
  return member;
}
