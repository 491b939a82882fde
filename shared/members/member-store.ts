import type { AccountNotice } from '../accounts/notices.ts';
import type { ChainedAuditEntry } from './audit-chain.ts';
import type { AuditEntry } from './audit-entry.ts';
import type { CardType, Member } from './member.ts';
import type { ConsentEvent } from '../consents/purposes.ts';
import type { WorkQueue } from '../queues/work-queue.ts';

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
  /** For a member moved in from the earlier register: its number there, claimed once (a second import finds it). */
  legacyNumber?: string;
  /** A produced loyalty card the member holds, which the tills may resolve from now on. */
  linkCard?: string;
  /** A loyalty card reported lost: the tills hear it is blocked from now on. */
  blockCard?: string;
  /** A work item this change resolves: it leaves its queue with the change, or the change fails. */
  resolveWork?: { queue: WorkQueue; ref: string };
  /**
   * For a new member: a repeated registration with the same key answers with the member it created.
   * The fingerprint of the request tells a true repeat from a key reused for another registration.
   */
  replay?: { actor: string; key: string; fingerprint: string };
  /** Notices about the member's sign-in account, each sent by its own run of the notice job. */
  notices?: AccountNotice[];
}

export type SaveOutcome =
  | { outcome: 'saved' }
  | { outcome: 'stale' }
  /** The member is being erased or is erased: nothing about them changes any more. */
  | { outcome: 'gone' }
  | { outcome: 'customer-number-taken' }
  | { outcome: 'duplicate'; field: 'email' | 'mobile' | 'card' }
  /** The sign-in account is linked to a member already. */
  | { outcome: 'account-taken' }
  /** The earlier register's member was moved in before, as this member. */
  | { outcome: 'already-imported'; customerNumber: string }
  | { outcome: 'replayed'; customerNumber: string; fingerprint: string }
  /** The work item the change was to resolve is no longer on its queue (someone resolved it first). */
  | { outcome: 'work-gone' };

export type MemberLookup =
  | { email: string }
  | { mobile: string }
  | { cardNumber: string }
  | { legacyNumber: string }
  /** The member a sign-in account (its subject) is linked to. */
  | { account: string };

/** Whose a loyalty card is, and whether it was reported lost. */
export interface CardHolder {
  customerNumber: string;
  /** When the card was reported lost: it is blocked from then on. */
  blockedAt?: string;
}

/** Members' profiles read, and nothing else: what a reader of many members (a campaign) needs. */
export interface MemberReader {
  get(customerNumber: string): Promise<Member | undefined>;
  /** Many members at once (batch reads); missing ones are left out. */
  getMany(customerNumbers: readonly string[]): Promise<Map<string, Member>>;
}

export interface MemberStore extends MemberReader {
  save(change: MemberChange): Promise<SaveOutcome>;
  /** Exact match on a unique key: the customer number it belongs to. */
  find(lookup: MemberLookup): Promise<string | undefined>;
  /** The holder of a loyalty card number, blocked or not. */
  cardHolder(cardNumber: string): Promise<CardHolder | undefined>;
  audit(entry: AuditEntry): Promise<void>;
  /** Every consent change of the member, oldest first. */
  consentHistory(customerNumber: string): Promise<ConsentEvent[]>;
  /** The member's audit trail, oldest first. */
  auditTrail(customerNumber: string): Promise<ChainedAuditEntry[]>;
  /** Every member, a page at a time (a scan: for monthly jobs, never for a request). */
  everyMember(): AsyncIterable<Member[]>;
  /**
   * Brings what the store derives from a profile up to date (its search index entries, the work
   * queues its state puts it on, the post audience), as a save of it would; true when anything was
   * missing. A dry run writes nothing and answers whether it would have written.
   */
  reindex(member: Member, dryRun?: boolean): Promise<boolean>;
}

/** Finding members by name, and the log of staff searches: a port of its own, so a search carries no more. */
export interface MemberSearchStore {
  /** Members whose folded surname begins so (see name-key.ts), in Finnish order, a page at a time. */
  searchByName(criteria: NameCriteria, pageSize: number, cursor?: string): Promise<NameSearchPage>;
  /** One record of a search: who searched, with which criteria, and whom it listed. */
  logSearch(entry: SearchLogEntry): Promise<void>;
}

/** Criteria already folded: the surname a prefix unless a first name is given. */
export interface NameCriteria {
  surname: string;
  firstName?: string;
  birthDate?: string;
  postalCode?: string;
}

/** What a search result shows of a member: enough to tell namesakes apart, no contact details. */
export interface NameSearchHit {
  customerNumber: string;
  surname: string;
  firstNames: string;
  birthDate: string;
  postalCode?: string;
  postOffice?: string;
  flags: Member['flags'];
}

export interface NameSearchPage {
  members: NameSearchHit[];
  next?: string;
}

export interface SearchLogEntry extends Omit<AuditEntry, 'customerNumber' | 'action' | 'fields'> {
  /** The names of the criteria given, never their values. */
  criteria: string[];
  listed: string[];
}
