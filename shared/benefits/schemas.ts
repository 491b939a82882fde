import * as z from 'zod/mini';
import { isMainGroup } from '../purchases/main-groups.ts';
import { Month } from '../purchases/schemas.ts';
import { MAX_PERCENT } from './rules.ts';

const Percent = z.number().check(
  z.minimum(0, 'must not be negative'),
  z.maximum(MAX_PERCENT, `must be at most ${MAX_PERCENT}: no rule pays more`),
  z.refine(
    (percent) => Number.isInteger(Math.round(percent * 100 * 1e6) / 1e6),
    'must have two decimals at most',
  ),
);
const Cents = z.int().check(z.minimum(0, 'must not be negative'));
/** Cents as the register answers them: an adjustment may be negative. */
const AnyCents = z.number();

export const BenefitRulesBody = z.strictObject({
  /** The first month the rules are in force: one not yet closed. */
  effectiveFrom: Month,
  tiers: z.array(z.strictObject({ fromCents: Cents, percent: Percent })).check(
    z.minLength(1, 'needs at least one tier'),
    z.maxLength(20, 'at most 20 tiers'),
    z.refine((tiers) => tiers[0]?.fromCents === 0, 'must start from 0 cents'),
    z.refine(
      (tiers) => tiers.every((tier, i) => i === 0 || tier.fromCents > tiers[i - 1]!.fromCents),
      'must rise: each tier from more cents than the one before, none twice',
    ),
  ),
  groups: z.record(
    z.string().check(z.refine(isMainGroup, 'must be a main product group code')),
    z.union([z.strictObject({ percent: Percent }), z.strictObject({ excluded: z.literal(true) })]),
  ),
});
export type BenefitRulesInput = z.output<typeof BenefitRulesBody>;

const RulesView = z.strictObject({
  rulesId: z.string(),
  effectiveFrom: z.string(),
  tiers: z.array(z.strictObject({ fromCents: z.number(), percent: z.number() })),
  groups: z.record(
    z.string(),
    z.union([z.strictObject({ percent: z.number() }), z.strictObject({ excluded: z.boolean() })]),
  ),
  setAt: z.string(),
  setBy: z.optional(z.string()),
});
export const BenefitRulesView = z.strictObject({
  /** The rules of the month still open, if any are in force. */
  inForce: z.optional(RulesView),
  /** Rule sets that take over in a later month. */
  next: z.array(RulesView),
  /** Every rule set ever saved, newest first. */
  history: z.array(RulesView),
});

const StatementView = z.strictObject({
  customerNumber: z.string(),
  month: z.string(),
  groups: z.record(z.string(), AnyCents),
  countedCents: AnyCents,
  tierPercent: z.number(),
  rates: z.record(z.string(), z.union([z.number(), z.literal('excluded')])),
  benefitCents: AnyCents,
  adjustments: z.array(z.strictObject({ month: z.string(), cents: AnyCents })),
  payableCents: AnyCents,
  rulesId: z.string(),
  writtenAt: z.string(),
  payment: z.strictObject({
    status: z.enum(['unpaid', 'in-payout', 'paid', 'lapsed']),
    payoutId: z.optional(z.string()),
    at: z.optional(z.string()),
    heldBy: z.optional(z.string()),
  }),
});
export const BenefitsView = z.strictObject({
  thisMonth: z.strictObject({
    month: z.string(),
    countedCents: AnyCents,
    tierPercent: z.number(),
    benefitCents: AnyCents,
    rulesId: z.optional(z.string()),
    nextTier: z.optional(
      z.strictObject({ fromCents: AnyCents, percent: z.number(), missingCents: AnyCents }),
    ),
  }),
  statements: z.array(StatementView),
  unpaidCents: AnyCents,
  inPayoutCents: AnyCents,
  paidCents: AnyCents,
  lapsedCents: AnyCents,
  lapsesBefore: z.string(),
});
