import { auditHash, GENESIS, type ChainedAuditEntry } from '../../shared/members/audit-chain.ts';
import type { Member } from '../../shared/members/member.ts';
import type { ConsentEvent as StoredEvent } from '../../shared/consents/purposes.ts';

type ConsentEvent = StoredEvent & { customerNumber: string };
import type {
  CardOrder,
  MemberChange,
  MemberLookup,
  MemberSearchStore,
  MemberStore,
  NameCriteria,
  SaveOutcome,
  SearchLogEntry,
} from '../../shared/members/member-store.ts';
import type { AuditEntry } from '../../shared/members/audit-entry.ts';
import { foldName } from '../../shared/members/name-key.ts';

/** The MemberStore contract in memory, for domain unit tests: same outcomes, all-or-nothing saves. */
export class MemoryMemberStore implements MemberStore, MemberSearchStore {
  readonly members = new Map<string, Member>();
  readonly emails = new Map<string, string>();
  readonly mobiles = new Map<string, string>();
  readonly cards = new Map<string, string>();
  readonly orders = new Map<string, CardOrder & { status: 'PENDING' | 'CANCELLED' }>();
  readonly audits: ChainedAuditEntry[] = [];
  readonly replays = new Map<string, { customerNumber: string; fingerprint: string }>();

  async get(customerNumber: string) {
    const member = this.members.get(customerNumber);
    return member && structuredClone(member);
  }

  async getMany(customerNumbers: readonly string[]) {
    const found = new Map<string, Member>();
    for (const n of customerNumbers) {
      const member = await this.get(n);
      if (member) found.set(n, member);
    }
    return found;
  }

  async find(lookup: MemberLookup) {
    if ('email' in lookup) return this.emails.get(lookup.email);
    if ('mobile' in lookup) return this.mobiles.get(lookup.mobile);
    if ('legacyNumber' in lookup || 'account' in lookup) return undefined;
    return this.cards.get(lookup.cardNumber);
  }

  async cardHolder(cardNumber: string) {
    const customerNumber = this.cards.get(cardNumber);
    return customerNumber ? { customerNumber } : undefined;
  }

  async audit(entry: AuditEntry) {
    await this.chain(entry);
  }

  /** Appends the entry to its member's chain, hashed as the DynamoDB store does. */
  private async chain(entry: AuditEntry) {
    const previous = this.audits.filter((e) => e.customerNumber === entry.customerNumber).at(-1);
    const link = { ...entry, seq: (previous?.seq ?? 0) + 1, prevHash: previous?.hash ?? GENESIS };
    this.audits.push({ ...link, hash: await auditHash(link) });
  }

  readonly consentEvents: ConsentEvent[] = [];

  async consentHistory(customerNumber: string) {
    return this.consentEvents.filter((e) => e.customerNumber === customerNumber);
  }

  async auditTrail(customerNumber: string) {
    return this.audits.filter((e) => e.customerNumber === customerNumber);
  }

  async *everyMember() {
    yield [...this.members.values()].map((member) => structuredClone(member));
  }

  async reindex() {
    return false;
  }

  readonly searches: SearchLogEntry[] = [];

  /** The index's order and prefix rule over the members in memory; the cursor is an offset. */
  async searchByName(criteria: NameCriteria, pageSize: number, cursor?: string) {
    const keyOf = (m: Member) => `${foldName(m.surname)}#${foldName(m.firstNames)}#${m.customerNumber}`;
    const prefix =
      criteria.firstName === undefined ? criteria.surname : `${criteria.surname}#${criteria.firstName}`;
    const hits = [...this.members.values()]
      .filter((m) => keyOf(m).startsWith(prefix))
      .filter((m) => !criteria.birthDate || m.birthDate === criteria.birthDate)
      .filter((m) => !criteria.postalCode || m.postalCode === criteria.postalCode)
      .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
    const from = Number(cursor ?? 0);
    const members = hits.slice(from, from + pageSize).map((m) => ({
      customerNumber: m.customerNumber,
      surname: m.surname,
      firstNames: m.firstNames,
      birthDate: m.birthDate,
      flags: m.flags,
    }));
    return { members, ...(from + pageSize < hits.length ? { next: String(from + pageSize) } : {}) };
  }

  async logSearch(entry: SearchLogEntry) {
    this.searches.push(entry);
  }

  async save(change: MemberChange): Promise<SaveOutcome> {
    const { before, after } = change;
    const n = after.customerNumber;
    const replayKey = change.replay && `${change.replay.actor}#${change.replay.key}`;
    if (replayKey && this.replays.has(replayKey))
      return { outcome: 'replayed', ...this.replays.get(replayKey)! };
    const stored = this.members.get(n);
    if (before ? stored?.version !== before.version : stored) {
      return { outcome: before ? 'stale' : 'customer-number-taken' };
    }
    for (const [field, index] of [
      ['email', this.emails],
      ['mobile', this.mobiles],
    ] as const) {
      const value = after[field];
      if (value && value !== before?.[field] && index.has(value)) return { outcome: 'duplicate', field };
    }
    for (const [field, index] of [
      ['email', this.emails],
      ['mobile', this.mobiles],
    ] as const) {
      if (before?.[field] && before[field] !== after[field]) index.delete(before[field]!);
      if (after[field]) index.set(after[field]!, n);
    }
    this.members.set(n, structuredClone(after));
    if (change.cancelCardOrder) this.orders.get(`${n}#${change.cancelCardOrder}`)!.status = 'CANCELLED';
    if (change.placeCardOrder)
      this.orders.set(`${n}#${change.placeCardOrder.orderedAt}`, {
        ...change.placeCardOrder,
        status: 'PENDING',
      });
    if (replayKey)
      this.replays.set(replayKey, { customerNumber: n, fingerprint: change.replay!.fingerprint });
    this.consentEvents.push(...(change.consentEvents ?? []).map((e) => ({ ...e, customerNumber: n })));
    if (change.audit) await this.chain(change.audit);
    return { outcome: 'saved' };
  }
}
