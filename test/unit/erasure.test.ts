import { describe, expect, it } from 'vitest';
import { eraseMember } from '../../shared/privacy/rights.ts';
import { StoreBusy } from '../../shared/refusal.ts';
import type { Member } from '../../shared/members/member.ts';
import type { ErasureState } from '../../shared/privacy/privacy-store.ts';
import { aStoredProfileItem } from '../support/fixtures.ts';

const N = '1234567897';
const member = aStoredProfileItem(N) as unknown as Member;
const ADMIN = { actor: 'admin-1', role: 'admin' };
const AT = new Date('2026-11-03T08:00:00Z');

/** A store whose erasure meets a receipt's transaction `busyTimes` times before it gets through. */
function storeBusy(busyTimes: number) {
  let state: ErasureState = { state: 'member', member };
  const calls = { erase: 0 };
  const store = {
    erasureState: async () => state,
    beginErasure: async () => {
      state = { state: 'erasing', member };
      return true;
    },
    memberItems: async () => [{ type: 'erasing' }, { type: 'unique-email' }],
    erase: async (_member: unknown, _plan: unknown, tombstone: unknown) => {
      calls.erase++;
      if (calls.erase <= busyTimes) throw new StoreBusy();
      return tombstone;
    },
  };
  return { store: store as unknown as Parameters<typeof eraseMember>[3], calls };
}

describe('an erasure meeting a busy store', () => {
  it('resumes where it stopped and finishes, without the admin sending it again', async () => {
    const { store, calls } = storeBusy(2);
    const tombstone = await eraseMember(ADMIN, N, 'member-request', store, AT);
    expect(tombstone).toMatchObject({
      customerNumber: N,
      erasedBy: 'admin-1',
      erased: { erasing: 1, 'unique-email': 1 },
    });
    expect(calls.erase).toBe(3);
  });

  it('answers busy (send again) when the store stays busy, having begun what a resend finishes', async () => {
    const { store } = storeBusy(3);
    await expect(eraseMember(ADMIN, N, 'member-request', store, AT)).rejects.toBeInstanceOf(StoreBusy);
    expect(await eraseMember(ADMIN, N, 'member-request', store, AT)).toMatchObject({ customerNumber: N });
  });
});
