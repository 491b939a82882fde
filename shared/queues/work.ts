import type { Caller } from '../auth/caller.ts';
import { auditEntry, recordedCaller } from '../members/audit.ts';
import { saveChange } from '../members/change-member.ts';
import type { Member } from '../members/member.ts';
import type { MemberSearchStore, MemberStore } from '../members/member-store.ts';
import type { PayoutStore } from '../benefits/payout-store.ts';
import { notFound, Refusal } from '../refusal.ts';
import {
  RESOLUTIONS,
  WORK_QUEUES,
  type ResolvableQueue,
  type Resolution,
  type WorkPage,
  type WorkQueue,
  type WorkQueueStore,
} from './work-queue.ts';

export const WORK_PAGE_SIZE = 20;

export interface WorkDeps {
  queues: WorkQueueStore;
  members: MemberStore;
  /** Releases what a rejected payout held, when its item is resolved. */
  payouts: Pick<PayoutStore, 'release'>;
  /** Where reading a queue is logged, as a search is: the items name members. */
  searches: MemberSearchStore;
}

function assertMayWork(caller: Caller, queue: WorkQueue) {
  if (!(WORK_QUEUES[queue].roles as readonly string[]).includes(caller.role))
    throw new Refusal('role-not-allowed', 'This queue is not your role’s');
}

/** A queue's items, oldest first, 20 a page. No personal data but customer numbers (and a proposed address). */
export async function readWorkQueue(
  caller: Caller,
  queue: WorkQueue,
  cursor: string | undefined,
  deps: Pick<WorkDeps, 'queues' | 'searches'>,
  now = new Date(),
): Promise<WorkPage> {
  assertMayWork(caller, queue);
  const page = await deps.queues.page(queue, WORK_PAGE_SIZE, cursor, now);
  // Whom a queue listed is logged as a search is: the items name members.
  await deps.searches.logSearch({
    ...recordedCaller(caller),
    at: now.toISOString(),
    criteria: [`queue:${queue}`],
    listed: page.items.map((item) => item.customerNumber),
  });
  return page;
}

const ADDRESS = ['streetAddress', 'postalCode', 'postOffice'] as const;

/**
 * One audited action that takes an item off its queue. Address review: take the population
 * register's address (recorded as its source) or keep the member's. A doubtful address: marked
 * checked. Returned cards and erasures are resolved by their own routes (a new card, an erasure).
 */
export async function resolveWorkItem(
  caller: Caller,
  item: { queue: WorkQueue; customerNumber: string; ref: string },
  resolution: Resolution,
  deps: Pick<WorkDeps, 'queues' | 'members' | 'payouts'>,
  now = new Date(),
): Promise<Member> {
  assertMayWork(caller, item.queue);
  const allowed: readonly string[] = RESOLUTIONS[item.queue as ResolvableQueue] ?? [];
  if (!allowed.includes(resolution))
    throw new Refusal('validation-failed', 'Not a way to resolve this queue', undefined, [
      { field: 'resolution', message: `must be one of: ${allowed.join(', ') || 'none (use its own route)'}` },
    ]);
  const before = await deps.members.get(item.customerNumber);
  if (!before) throw notFound('member');
  const at = now.toISOString();

  if (item.queue === 'address-doubtful') {
    if (!before.flags.addressDoubtful) throw notFound('work item');
    return saveChange(deps.members, before, { flags: { ...before.flags, addressDoubtful: false } }, at, {
      audit: auditEntry(caller, item.customerNumber, 'resolve-work', at, ['flags.addressDoubtful']),
    });
  }
  const found = await deps.queues.item(item.queue, item.customerNumber, item.ref);
  if (!found) throw notFound('work item');
  // Released before the item goes: a retry after a failure between the two releases nothing twice.
  if (item.queue === 'payout-rejected') await deps.payouts.release(found.ref, found.customerNumber);
  if (resolution === 'accept-register') {
    // A line queued before the member's address last changed would roll a newer address back.
    const newer = ADDRESS.some((field) => (before.sources[field]?.at ?? '') > found.since);
    if (newer)
      throw new Refusal(
        'stale-version',
        'The member’s address changed after the line was queued',
        'Keep the member’s address, or correct it by hand.',
      );
    if (!found.proposed)
      throw new Refusal('validation-failed', 'The population register gave no address to take', undefined, [
        { field: 'resolution', message: 'this line has no address: keep-member' },
      ]);
    const sources = { ...before.sources };
    for (const field of ADDRESS) sources[field] = { source: 'population-register', at };
    return saveChange(
      deps.members,
      before,
      { ...found.proposed, sources, flags: { ...before.flags, addressDoubtful: false } },
      at,
      {
        audit: auditEntry(caller, item.customerNumber, 'resolve-work', at, [...ADDRESS]),
        resolveWork: { queue: item.queue, ref: item.ref },
      },
    );
  }
  const resolved = await deps.queues.resolve(
    found,
    auditEntry(caller, item.customerNumber, 'resolve-work', at, [`queue.${item.queue}`]),
  );
  if (!resolved) throw notFound('work item');
  return before;
}
