import type { ChainedAuditEntry } from '../members/audit-chain.ts';
import type { Role } from '../auth/roles.ts';
import type { CardType, Member } from '../members/member.ts';
import type { ConsentEvent } from '../consents/purposes.ts';

export type AuditAction =
  | 'read'
  | 'search'
  | 'export'
  | 'read-audit'
  | 'register'
  | 'correct'
  | 'choose-card'
  | 'consent'
  | 'restrict'
  | 'erasure-request'
  | 'end-membership';

/** Actions that only read: they are what "who viewed my data" lists as views. */
export const READ_ACTIONS: readonly AuditAction[] = ['read', 'search', 'export', 'read-audit'];

/** Who did what to whose data, and when. Field names only, never values. */
export interface AuditEntry {
  customerNumber: string;
  at: string;
  actor: string;
  role: Role;
  action: AuditAction;
  via: string;
  /** Why the actor had the data in hand: the role's purpose. */
  purpose: string;
  requestId: string;
  fields?: string[];
}

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

export interface CardOrder {
  customerNumber: string;
  orderedAt: string;
  cardType: Exclude<CardType, 'NONE'>;
  orderType: 'NEW' | 'REPLACEMENT';
}

/** One atomic change of a member: profile, unique keys, card orders and its audit entry together. */
export interface MemberChange {
  /** Absent for a new member. The save succeeds only if the stored version is still this one. */
  before?: Member;
  after: Member;
  /** Staff and members are audited; a job's change carries its provenance in the field sources instead. */
  audit?: AuditEntry;
  placeCardOrder?: CardOrder;
  /** orderedAt of a pending order this change cancels. */
  cancelCardOrder?: string;
  /** Consent changes: each replaces the purpose's current item and appends to its history. */
  consentEvents?: ConsentEvent[];
  /**
   * For a new member: a repeated registration with the same key answers with the member it created.
   * The fingerprint of the request tells a true repeat from a key reused for another registration.
   */
  replay?: { actor: string; key: string; fingerprint: string };
}

export type SaveOutcome =
  | { outcome: 'saved' }
  | { outcome: 'stale' }
  /** The member is being erased or is erased: nothing about them changes any more. */
  | { outcome: 'gone' }
  | { outcome: 'customer-number-taken' }
  | { outcome: 'duplicate'; field: 'email' | 'mobile' }
  | { outcome: 'replayed'; customerNumber: string; fingerprint: string };

export type MemberLookup = { email: string } | { mobile: string } | { cardNumber: string };

export interface MemberStore {
  get(customerNumber: string): Promise<Member | undefined>;
  /** Many members at once (batch reads); missing ones are left out. */
  getMany(customerNumbers: readonly string[]): Promise<Map<string, Member>>;
  save(change: MemberChange): Promise<SaveOutcome>;
  /** Exact match on a unique key: the customer number it belongs to. */
  find(lookup: MemberLookup): Promise<string | undefined>;
  audit(entry: AuditEntry): Promise<void>;
  /** Every consent change of the member, oldest first. */
  consentHistory(customerNumber: string): Promise<ConsentEvent[]>;
  /** The member's audit trail, oldest first. */
  auditTrail(customerNumber: string): Promise<ChainedAuditEntry[]>;
  /** Every member, a page at a time (a scan: for monthly jobs, never for a request). */
  everyMember(): AsyncIterable<Member[]>;
}

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
   * to the anonymous monthly totals), then the profile replaced by the tombstone. Safe to run again.
   */
  erase(member: Member, plan: ErasurePlan, tombstone: Tombstone): Promise<void>;
  /** Members whose erasure is due on or before the day (deceased, or an erasure request waiting). */
  erasureDue(day: string): AsyncIterable<string[]>;
  /** Every audit partition's customer number, for the chain check. */
  auditedMembers(): AsyncIterable<string>;
  /** Where the member stands towards erasure; undefined when the number was never a member. */
  erasureState(customerNumber: string): Promise<ErasureState | undefined>;
}
