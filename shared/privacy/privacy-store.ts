import type { Member } from '../members/member.ts';

/** One stored item about a member: its catalogue type, its data as the domain sees it, and an opaque key. */
export interface StoredItem {
  type: string;
  data: Record<string, unknown>;
  key: { pk: string; sk: string };
}

/** The member's items as the catalogue sorts them for erasure; the profile itself becomes the tombstone. */
export interface ErasurePlan {
  delete: readonly StoredItem[];
  /** Monthly purchase totals, added to the anonymous totals of their month as they go. */
  anonymise: readonly StoredItem[];
}

/** What is left of an erased member: no personal data. */
export interface Tombstone {
  customerNumber: string;
  erasedAt: string;
  erasedBy: string;
  role: string;
  reason: string;
  requestedAt?: string;
  /** How many items of each type were erased. */
  erased: Record<string, number>;
}

export type ErasureState =
  | { state: 'member'; member: Member }
  /** Begun and not finished (it stopped midway, or runs now): a rerun finishes it. */
  | { state: 'erasing'; member: Member }
  | { state: 'erased'; tombstone: Tombstone };

/** What data-subject rights and retention need beyond everyday member work. */
export interface MemberPrivacyStore {
  /** Everything stored about the member, wherever it lives, each with its catalogue type. */
  memberItems(customerNumber: string): Promise<StoredItem[]>;
  /**
   * Marks the member as being erased, if still at this version: from then on no change to the member
   * lands (saves answer 'gone', receipts find no member) and reads find no member. False: changed meanwhile.
   */
  beginErasure(member: Member, at: string): Promise<boolean>;
  /**
   * Finishes an erasure begun: each item as its catalogue entry says (deleted, or purchase totals added
   * to the anonymous monthly totals), then the profile replaced by the tombstone. Safe to run again:
   * answers the tombstone that stands (an earlier run's, when it finished first).
   */
  erase(member: Member, plan: ErasurePlan, tombstone: Tombstone): Promise<Tombstone>;
  /** Members whose erasure is due on or before the day (deceased, or an erasure request waiting). */
  erasureDue(day: string): AsyncIterable<string[]>;
  /** Every audit partition's customer number, for the chain check. */
  auditedMembers(): AsyncIterable<string>;
  /** Where the member stands towards erasure; undefined when the number was never a member. */
  erasureState(customerNumber: string): Promise<ErasureState | undefined>;
}
