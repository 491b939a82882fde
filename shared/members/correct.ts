import type { Caller } from '../auth/caller.ts';
import { invalid, staleVersion, versionRequired } from '../refusal.ts';
import type { MemberStore } from './member-store.ts';
import { reachableMember, sourceOf } from './access.ts';
import { auditEntry } from './audit.ts';
import {
  ADDRESS_FIELDS,
  isExpectedVersion,
  PERSONAL_FIELDS,
  type ExpectedVersion,
  type Member,
} from './member.ts';
import { saveChange } from './change-member.ts';
import { ADDRESS_INCOMPLETE, addressComplete, type CorrectMemberInput } from './schemas.ts';

/**
 * Rectification: a merge patch applied on the version the caller read (If-Match), so two people
 * correcting one member never overwrite each other unseen. Each changed field records its new source.
 */
export async function correctMember(
  caller: Caller,
  customerNumber: string,
  patch: CorrectMemberInput,
  expectedVersion: ExpectedVersion | undefined,
  store: MemberStore,
  now = new Date(),
): Promise<Member> {
  if (expectedVersion === undefined) throw versionRequired();
  const before = await reachableMember(caller, customerNumber, store);
  if (!isExpectedVersion(expectedVersion, before.version)) throw staleVersion();

  const changed = PERSONAL_FIELDS.filter((f) => f in patch && (patch[f] ?? undefined) !== before[f]);
  if (changed.length === 0) return before;

  const at = now.toISOString();
  // A field sent as null is removed: set to undefined, which storage leaves out.
  const set: Partial<Member> = { sources: { ...before.sources } };
  for (const field of changed) {
    const value = patch[field] ?? undefined;
    Object.assign(set, { [field]: value });
    if (value === undefined) delete set.sources![field];
    else set.sources![field] = { source: sourceOf(caller), at };
  }
  // A corrected address is a checked one: the member leaves the doubtful-address queue with it.
  if (before.flags.addressDoubtful && changed.some((f) => (ADDRESS_FIELDS as readonly string[]).includes(f)))
    set.flags = { ...before.flags, addressDoubtful: false };
  // A corrected email is one to try again: the member leaves the undeliverable queue with it.
  if (before.flags.emailUndeliverable && changed.includes('email'))
    set.flags = { ...(set.flags ?? before.flags), emailUndeliverable: false };
  // A spelling was agreed for the name as it was: a new name is embossed as it is, or agreed again.
  const agreedNameDropped =
    before.card.agreedNameOnCard !== undefined && changed.some((f) => f === 'surname' || f === 'firstNames');
  if (agreedNameDropped) {
    const { agreedNameOnCard: _dropped, ...card } = before.card;
    set.card = card;
  }
  if (!addressComplete({ ...before, ...set }))
    throw invalid([{ field: 'streetAddress', message: ADDRESS_INCOMPLETE }]);
  // A date of birth identifies the member (the card link checks it): corrected only with a reason, audited with it.
  const birthDateChanged = changed.includes('birthDate');
  // The reasons are staff's findings (a document seen, the population register): a member asks customer service.
  if (birthDateChanged && caller.role === 'member')
    throw invalid([{ field: 'birthDate', message: 'is corrected by customer service, who check it' }]);
  if (birthDateChanged && !patch.birthDateReason)
    throw invalid([{ field: 'birthDateReason', message: 'is needed to correct the date of birth' }]);
  const audit = auditEntry(caller, customerNumber, 'correct', at, [
    ...changed,
    ...(agreedNameDropped ? ['card.agreedNameOnCard'] : []),
  ]);
  return saveChange(store, before, set, at, {
    audit: birthDateChanged ? { ...audit, reason: patch.birthDateReason } : audit,
  });
}
