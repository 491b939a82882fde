import type { Role } from '../auth/roles.ts';
import { CARD_NOT_RECEIVED, type Member } from '../members/member.ts';
import type { AuditEntry } from '../members/audit-entry.ts';
import { cardOrderWaitsFor } from '../cards/card-hold.ts';

/**
 * The work that needs a person, each a queue of its own, and who may work it: erasures are for
 * admins only, since the action that resolves them erases; the processor sees only overdue orders,
 * which name no one but by customer number.
 */
export const WORK_QUEUES = {
  /** Address update lines the register would not apply by itself (with the address they gave). */
  'address-review': { roles: ['admin', 'customer-service'] },
  /** A card came back undelivered: the address may be wrong. Correcting it clears the flag. */
  'address-doubtful': { roles: ['admin', 'customer-service'] },
  /** The manufacturer rejected a card or the post returned it: send it again. */
  'card-returned': { roles: ['admin', 'customer-service'] },
  /** Card orders the batch holds until a person acts: a name it cannot emboss, a protected address, no address. */
  'card-waiting': { roles: ['admin', 'customer-service'] },
  /** Cards the manufacturer has not answered for 14 days after their batch. */
  'card-overdue': { roles: ['admin', 'customer-service', 'processor'] },
  /** Erasure requests and erasures falling due (death, ended membership), by due date. */
  erasure: { roles: ['admin'] },
  /** A message to the member's email bounced hard: correct the email, which takes them off. */
  'email-undeliverable': { roles: ['admin', 'customer-service'] },
  /** The payment partner rejected a benefit payout (an account closed, a card unknown): it waits unpaid. */
  'payout-rejected': { roles: ['admin', 'customer-service'] },
} as const satisfies Record<string, { roles: readonly Role[] }>;

export type WorkQueue = keyof typeof WORK_QUEUES;
export const WORK_QUEUE_NAMES = Object.keys(WORK_QUEUES) as WorkQueue[];

/** How a person resolves an item: one audited action that takes it off its queue. */
export const RESOLUTIONS = {
  'address-review': ['accept-register', 'keep-member'],
  'address-doubtful': ['mark-checked'],
  'payout-rejected': ['mark-checked'],
} as const satisfies Partial<Record<WorkQueue, readonly string[]>>;
export type ResolvableQueue = keyof typeof RESOLUTIONS;
export type Resolution = (typeof RESOLUTIONS)[ResolvableQueue][number];

export interface ProposedAddress {
  streetAddress: string;
  postalCode: string;
  postOffice: string;
}

/** One item of a queue: whose, since when, why. `ref` tells items of one member apart. */
export interface WorkItem {
  queue: WorkQueue;
  customerNumber: string;
  since: string;
  ref: string;
  reason?: string;
  /** For address review: what the population register said. */
  proposed?: ProposedAddress;
}

/**
 * Queues that mirror the member's own state: an item is there exactly while the state holds, so the
 * store adds or removes it in the same write that changes the state (a corrected address takes the
 * member off the doubtful queue; a card sent again, off the returned one).
 */
export const PROFILE_STATE_QUEUES = {
  'address-doubtful': (member: Member) => member.flags.addressDoubtful,
  'card-returned': (member: Member) => CARD_NOT_RECEIVED.has(member.card.status),
  'email-undeliverable': (member: Member) => member.flags.emailUndeliverable === true,
  'card-waiting': (member: Member) => cardOrderWaitsFor(member) !== undefined,
} as const satisfies Partial<Record<WorkQueue, (member: Member) => boolean>>;
export type ProfileStateQueue = keyof typeof PROFILE_STATE_QUEUES;
/** The queues the member's state puts them on. */
export const profileStateQueues = (member: Member): ProfileStateQueue[] =>
  (Object.keys(PROFILE_STATE_QUEUES) as ProfileStateQueue[]).filter((queue) =>
    PROFILE_STATE_QUEUES[queue](member),
  );
/** Why the member is on a profile-state queue, where the queue says more than that they are. */
export const profileStateReason = (member: Member, queue: ProfileStateQueue): string | undefined =>
  queue === 'card-waiting' ? cardOrderWaitsFor(member) : undefined;
/** The ref of a profile-state item: one per member and queue. */
export const PROFILE_REF = 'profile';

export interface WorkPage {
  items: WorkItem[];
  next?: string;
}

export interface WorkQueueStore {
  /** A queue's items, oldest first, a page at a time. */
  page(queue: WorkQueue, pageSize: number, cursor?: string, now?: Date): Promise<WorkPage>;
  item(queue: WorkQueue, customerNumber: string, ref: string): Promise<WorkItem | undefined>;
  /** Takes the item off its queue with its audit entry; false when someone took it off first. */
  resolve(item: WorkItem, audit: AuditEntry): Promise<boolean>;
}
