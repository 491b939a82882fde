import type { MainGroup } from '../purchases/main-groups.ts';
import { benefitOf, type Benefit, type BenefitRules } from './rules.ts';

/** Where a statement's money is: earned and waiting, in a payout file, credited, or lapsed unpaid. */
export type PaymentStatus = 'unpaid' | 'in-payout' | 'paid' | 'lapsed';

/** What a late receipt or return changed in a month after its statement: carried to the next one. */
export interface Adjustment {
  month: string;
  cents: number;
}

/** A member's statement of a closed month: written once, never rewritten. */
export interface Statement extends Benefit {
  customerNumber: string;
  month: string;
  /** The month's totals per main group, as counted when it closed. */
  groups: Partial<Record<MainGroup, number>>;
  adjustments: Adjustment[];
  /** This month's benefit and the adjustments carried to it: what is to be paid. */
  payableCents: number;
  rulesId: string;
  writtenAt: string;
  /**
   * `heldBy`: the payout the partner rejected; unpaid, and not paid again until customer service has
   * checked the card or the account (the payout-rejected queue), or it lapses.
   */
  payment: { status: PaymentStatus; payoutId?: string; at?: string; heldBy?: string };
}

/** How a statement is named to the payment partner, for its questions: the member and the month. */
export const statementId = (statement: Pick<Statement, 'customerNumber' | 'month'>) =>
  `${statement.customerNumber}-${statement.month}`;

/** A month a late receipt changed after its statement, with what has been stated of it so far. */
export interface LateMonth {
  customerNumber: string;
  month: string;
  groups: Partial<Record<MainGroup, number>>;
  /** How many late changes it has had: settling it holds only if no new one came meanwhile. */
  lateChanges: number;
  /** The benefit stated of it so far: its statement's, or the last adjustment's basis. */
  statedCents?: number;
}

/** The statement of a member's month, with the adjustments of their late months carried to it. */
export function statementOf(
  customerNumber: string,
  month: string,
  groups: Partial<Record<MainGroup, number>>,
  rules: BenefitRules,
  late: readonly (LateMonth & { rules: BenefitRules; statedCents: number })[],
  writtenAt: string,
): Statement {
  const benefit = benefitOf(groups, rules);
  const adjustments = late
    .map((m) => ({ month: m.month, cents: benefitOf(m.groups, m.rules).benefitCents - m.statedCents }))
    .filter((adjustment) => adjustment.cents !== 0);
  const payableCents = benefit.benefitCents + adjustments.reduce((sum, a) => sum + a.cents, 0);
  return {
    customerNumber,
    month,
    groups,
    ...benefit,
    adjustments,
    payableCents,
    rulesId: rules.rulesId,
    writtenAt,
    payment: { status: 'unpaid' },
  };
}
