import type { Caller } from '../auth/caller.ts';
import type { MemberLookup, MemberStore } from './member-store.ts';
import { auditEntry } from './audit.ts';
import type { Member } from './member.ts';
import type { FindMembersInput } from './schemas.ts';

/** Exact-match lookup for customer service: at most one member, since every key searched is unique. */
export async function findMembers(
  caller: Caller,
  query: FindMembersInput,
  store: MemberStore,
): Promise<Member[]> {
  const lookup: MemberLookup = query.email
    ? { email: query.email }
    : query.phone
      ? { mobile: query.phone }
      : query.legacyNumber
        ? { legacyNumber: query.legacyNumber }
        : { cardNumber: query.cardNumber! };
  const customerNumber = await store.find(lookup);
  const member = customerNumber ? await store.get(customerNumber) : undefined;
  if (!member) return [];
  await store.audit(auditEntry(caller, member.customerNumber, 'search', new Date().toISOString()));
  return [member];
}
