import type { Caller } from '../auth/caller.ts';
import { config } from '../config.ts';
import { isStaff, reachableMember } from '../members/access.ts';
import { auditEntry } from '../members/audit.ts';
import type { MemberStore } from '../members/member-store.ts';
import type { PurchaseStore } from '../purchases/purchase-store.ts';
import { addMonths, helsinkiMonth } from '../time/helsinki.ts';
import { benefitOf, nextTierOf } from './rules.ts';
import { rulesFor, type BenefitRulesStore } from './rules-store.ts';
import type { Statement } from './statement.ts';

/** A member's statements, newest first: a port of its own, so a member's page carries no statement job. */
export interface MemberStatements {
  of(customerNumber: string): Promise<Statement[]>;
  /** The statements of one month of many members (those who have one), in one read per hundred. */
  ofMonth(customerNumbers: readonly string[], month: string): Promise<Map<string, Statement>>;
}

export interface BenefitsDeps {
  members: MemberStore;
  purchases: PurchaseStore;
  statements: MemberStatements;
  rules: BenefitRulesStore;
}

/** What the month so far has earned under its rules, and what the next tier needs. */
async function thisMonth(
  customerNumber: string,
  deps: Omit<BenefitsDeps, 'members' | 'statements'>,
  now: Date,
) {
  const month = helsinkiMonth(now);
  const [totals] = await deps.purchases.months(customerNumber, month, month);
  const rules = rulesFor(month, await deps.rules.all());
  if (!rules) return { month, countedCents: 0, tierPercent: 0, benefitCents: 0 };
  const benefit = benefitOf(totals?.groups ?? {}, rules);
  const next = nextTierOf(rules.tiers, benefit.countedCents);
  return {
    month,
    countedCents: benefit.countedCents,
    tierPercent: benefit.tierPercent,
    benefitCents: benefit.benefitCents,
    rulesId: rules.rulesId,
    ...(next
      ? {
          nextTier: {
            fromCents: next.fromCents,
            percent: next.percent,
            missingCents: next.fromCents - benefit.countedCents,
          },
        }
      : {}),
  };
}

/**
 * A member's benefits: this month so far (the tier reached, what the next tier needs), the
 * statements of closed months, and what is paid, waiting or lapsed. Staff reads are audited like
 * any read of the member's data.
 */
export async function readBenefits(
  caller: Caller,
  customerNumber: string,
  deps: BenefitsDeps,
  now = new Date(),
) {
  await reachableMember(caller, customerNumber, deps.members);
  if (isStaff(caller))
    await deps.members.audit(auditEntry(caller, customerNumber, 'read', now.toISOString(), ['benefits']));
  const [current, statements] = await Promise.all([
    thisMonth(customerNumber, deps, now),
    deps.statements.of(customerNumber),
  ]);
  const lapsesBefore = addMonths(helsinkiMonth(now), -config.retention.unpaidBenefitMonths);
  const sum = (status: Statement['payment']['status']) =>
    statements.filter((s) => s.payment.status === status).reduce((total, s) => total + s.payableCents, 0);
  return {
    thisMonth: current,
    statements,
    unpaidCents: sum('unpaid'),
    inPayoutCents: sum('in-payout'),
    paidCents: sum('paid'),
    lapsedCents: sum('lapsed'),
    /** Unpaid benefit of months before this lapses at the next payout. */
    lapsesBefore,
  };
}

/** The till's word for a member's benefit: the tier the month so far has reached, nothing personal. */
export async function tierForTill(
  customerNumber: string,
  deps: Omit<BenefitsDeps, 'members' | 'statements'>,
  now = new Date(),
) {
  return (await thisMonth(customerNumber, deps, now)).tierPercent;
}
