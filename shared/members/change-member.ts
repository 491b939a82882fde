import type { Member } from './member.ts';
import type { MemberChange, MemberStore } from './member-store.ts';
import { refusal } from './outcome.ts';

/**
 * One change of a member made on the version read: the fields set, the version up by one, saved with
 * its audit entry and whatever else moves with it (a card order, consent events), a refused save
 * thrown as its refusal. Answers the member as saved.
 */
export async function saveChange(
  store: MemberStore,
  before: Member,
  set: Partial<Member>,
  at: string,
  with_: Omit<MemberChange, 'before' | 'after'>,
): Promise<Member> {
  const after: Member = { ...before, ...set, version: before.version + 1, updatedAt: at };
  const saved = await store.save({ before, after, ...with_ });
  if (saved.outcome !== 'saved') throw refusal(saved);
  return after;
}
