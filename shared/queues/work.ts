import type { Caller } from '../auth/caller.ts';
import type { CardBatchReader } from '../cards/card-store.ts';
import { listCardBatches } from '../cards/list-batches.ts';
import { auditEntry, recordedCaller } from '../members/audit.ts';
import { saveChange } from '../members/change-member.ts';
import type { Member } from '../members/member.ts';
import type { MemberSearchStore, MemberStore } from '../members/member-store.ts';
import { notFound, Refusal } from '../refusal.ts';
import {
  RESOLUTIONS,
  WORK_QUEUES,
  type ResolvableQueue,
  type Resolution,
  type WorkItem,
  type WorkPage,
  type WorkQueue,
  type WorkQueueStore,
} from './work-queue.ts';

export const WORK_PAGE_SIZE = 20;

export interface WorkDeps {
  queues: WorkQueueStore;
  members: MemberStore;
  /** Where reading a queue is logged, as a search is: the items name members. */
  searches: MemberSearchStore;
  cards: CardBatchReader;
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
  deps: Omit<WorkDeps, 'members'>,
  now = new Date(),
): Promise<WorkPage> {
  assertMayWork(caller, queue);
  const page = await queuePage(queue, cursor, deps, now);
  // Whom a queue listed is logged as a search is: the items name members.
  await deps.searches.logSearch({
    ...recordedCaller(caller),
    at: now.toISOString(),
    criteria: [`queue:${queue}`],
    listed: page.items.map((item) => item.customerNumber),
  });
  return page;
}

async function queuePage(
  queue: WorkQueue,
  cursor: string | undefined,
  deps: Omit<WorkDeps, 'members'>,
  now: Date,
) {
  if (queue !== 'card-overdue') return deps.queues.page(queue, WORK_PAGE_SIZE, cursor);
  // Overdue orders are found from the batches themselves; they leave when the manufacturer answers.
  const { overdue = [] } = await listCardBatches(deps.cards, true, now);
  const from = Number(cursor ?? 0) || 0;
  const items = overdue.slice(from, from + WORK_PAGE_SIZE).map((order): WorkItem => ({
    queue,
    customerNumber: order.customerNumber,
    since: order.batchedAt ?? '',
    ref: `${order.batchId}#${order.sequence}`,
    reason: `batch ${order.batchId}, no answer in 14 days`,
  }));
  return {
    items,
    ...(from + WORK_PAGE_SIZE < overdue.length ? { next: String(from + WORK_PAGE_SIZE) } : {}),
  };
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
  deps: Pick<WorkDeps, 'queues' | 'members'>,
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
  if (resolution === 'accept-register') {
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
