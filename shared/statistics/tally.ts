import type { Campaign } from '../campaigns/campaign-store.ts';
import { PURPOSE_CODES, type Purpose } from '../consents/purposes.ts';
import { isLeaving } from '../members/member.ts';
import type { MainGroup } from '../purchases/main-groups.ts';
import { ageOn, helsinkiMonth } from '../time/helsinki.ts';
import type { RegisterRecord } from './statistics-store.ts';
import type { BenefitRules } from '../benefits/rules.ts';

export const AGE_BANDS = [
  [0, 24, '–24'],
  [25, 34, '25–34'],
  [35, 44, '35–44'],
  [45, 54, '45–54'],
  [55, 64, '55–64'],
  [65, 200, '65–'],
] as const;
const ageBand = (age: number) => AGE_BANDS.find(([from, to]) => age >= from && age <= to)![2];

/** A month and a main group's purchases: the members who bought, and the largest of them alone. */
export interface PurchaseCell {
  cents: number;
  receipts: number;
  buyers: number;
  /** The largest one live member's total: a figure mostly theirs is not shown. */
  largest: number;
}

const count = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

/** Members and what they earned together; the largest one member's part (an anonymous sum is no one's). */
export interface Earned {
  members: number;
  cents: number;
  largest: number;
}
function addEarned(map: Map<string, Earned>, key: string, cents: number, members: number, own = 0) {
  const earned = map.get(key) ?? { members: 0, cents: 0, largest: 0 };
  earned.members += members;
  earned.cents += cents;
  earned.largest = Math.max(earned.largest, Math.abs(own));
  map.set(key, earned);
}

/**
 * What one pass over the register adds up: the members in force now (the stock tables), and the
 * months after `since` up to `through` (the flow tables; earlier months were published already and
 * stay as they were). Every cell counts members, each once.
 */
export class Tally {
  members = 0;
  readonly language = new Map<string, number>();
  /** Members by the channel they joined through; `unknown` for those who joined before it was recorded. */
  readonly channel = new Map<string, number>();
  readonly age = new Map<string, number>();
  readonly area = new Map<string, number>();
  readonly cards = new Map<string, number>();
  readonly granted = new Map<Purpose, number>();
  readonly joined = new Map<string, number>();
  readonly left = new Map<string, number>();
  readonly erased = new Map<string, number>();
  /** Who changed an answer, per `<month> <purpose>`: a member toggling a ban five times is one. */
  readonly consentChanges = new Map<string, Set<string>>();
  readonly purchases = new Map<string, PurchaseCell>();
  readonly batches = new Map<string, { batches: number; records: number; hours: number[] }>();
  readonly campaigns: Campaign[] = [];
  /** Statements per `<month> <tier percent>`: the members, and the benefit they earned. */
  readonly benefitsByTier = new Map<string, Earned>();
  /** Benefit credited, per the month it was credited in. */
  readonly benefitsPaid = new Map<string, Earned>();
  /** Erased members' benefits per month: no tier, one sum. */
  readonly anonymousBenefits = new Map<string, Earned>();
  readonly benefitRules: BenefitRules[] = [];
  itemsRead = 0;

  constructor(
    private readonly today: string,
    readonly through: string,
    readonly since?: string,
  ) {}

  /** Whether a month's flows are tallied in this pass. */
  isNew = (month: string) => month <= this.through && (this.since === undefined || month > this.since);

  private flow(map: Map<string, number>, at: string) {
    const month = helsinkiMonth(new Date(at));
    if (this.isNew(month)) count(map, month);
  }

  add(record: RegisterRecord): void {
    this.itemsRead += 1;
    switch (record.kind) {
      case 'member': {
        const m = record.member;
        this.flow(this.joined, m.createdAt);
        if (m.membershipEndedAt) this.flow(this.left, m.membershipEndedAt);
        if (isLeaving(m)) return;
        this.members += 1;
        count(this.language, m.language);
        count(this.channel, m.channel ?? 'unknown');
        count(this.age, ageBand(ageOn(m.birthDate, this.today)));
        if (m.postalCode) count(this.area, m.postalCode.slice(0, 2));
        count(this.cards, `${m.card.type} ${m.card.status}`);
        for (const purpose of PURPOSE_CODES) if (m.consents?.[purpose]?.granted) count(this.granted, purpose);
        return;
      }
      case 'erased':
        return void this.flow(this.erased, record.erasedAt);
      case 'purchases':
        for (const [group, cents] of Object.entries(record.groups))
          this.addPurchases(
            record.month,
            group as MainGroup,
            cents ?? 0,
            record.receipts,
            cents ? 1 : 0,
            cents,
          );
        return;
      case 'anonymous-purchases':
        for (const [group, cents] of Object.entries(record.groups))
          this.addPurchases(
            record.month,
            group as MainGroup,
            cents ?? 0,
            record.receipts,
            record.buyers[group as MainGroup] ?? 0,
          );
        return;
      case 'consent-event': {
        const month = helsinkiMonth(new Date(record.at));
        if (!this.isNew(month)) return;
        const key = `${month} ${record.purpose}`;
        const changed = this.consentChanges.get(key) ?? new Set<string>();
        this.consentChanges.set(key, changed.add(record.customerNumber));
        return;
      }
      case 'card-batch': {
        const month = helsinkiMonth(new Date(record.createdAt));
        if (!this.isNew(month)) return;
        const b = this.batches.get(month) ?? { batches: 0, records: 0, hours: [] };
        b.batches += 1;
        b.records += record.records;
        if (record.deliveredAt)
          b.hours.push((Date.parse(record.deliveredAt) - Date.parse(record.createdAt)) / 3_600_000);
        this.batches.set(month, b);
        return;
      }
      case 'statement':
        if (this.isNew(record.month))
          addEarned(
            this.benefitsByTier,
            `${record.month} ${record.tierPercent}`,
            record.benefitCents,
            1,
            record.benefitCents,
          );
        if (record.payment.status === 'paid' && record.payment.at) {
          const paidIn = helsinkiMonth(new Date(record.payment.at));
          if (this.isNew(paidIn))
            addEarned(this.benefitsPaid, paidIn, record.payableCents, 1, record.payableCents);
        }
        return;
      case 'anonymous-benefits':
        if (this.isNew(record.month))
          addEarned(this.anonymousBenefits, record.month, record.earnedCents, record.members);
        return;
      case 'benefit-rules':
        this.benefitRules.push(record.rules);
        return;
      case 'campaign':
        if (
          record.campaign.summary &&
          this.isNew(helsinkiMonth(new Date(record.campaign.summary.computedAt)))
        )
          this.campaigns.push(record.campaign);
        return;
    }
  }

  /** `one` is one member's own total in the group; erased members' anonymous totals are no one's. */
  private addPurchases(
    month: string,
    group: MainGroup,
    cents: number,
    receipts: number,
    buyers: number,
    one = 0,
  ) {
    if (!this.isNew(month)) return;
    const key = `${month} ${group}`;
    const cell = this.purchases.get(key) ?? { cents: 0, receipts: 0, buyers: 0, largest: 0 };
    cell.cents += cents;
    cell.receipts += receipts;
    cell.buyers += buyers;
    cell.largest = Math.max(cell.largest, Math.abs(one ?? 0));
    this.purchases.set(key, cell);
  }
}
