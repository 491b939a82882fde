import type { Member } from './member.ts';
import type { MemberChange, MemberStore } from './member-store.ts';
import { Refusal } from '../refusal.ts';
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

const FRESH_READS = 3;

/**
 * A change decided on the member as read, for a caller who sent no version to hold it to: when
 * someone saved the member first (two reports of one lost card at once), it is decided again on a
 * fresh read, so a repeat answers as a repeat instead of 412.
 */
export async function decidedOnFreshRead<T>(decide: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await decide();
    } catch (error) {
      if (!(error instanceof Refusal && error.kind === 'stale-version') || attempt === FRESH_READS)
        throw error;
    }
  }
}
