import type { MainGroup } from '../purchases/main-groups.ts';

/** A tier of the month's counted total: from that many cents on, the percent. */
export interface Tier {
  fromCents: number;
  percent: number;
}

/** A main group earns the tier's percent, a percent of its own, or nothing (a statutory price). */
export type GroupRule = { percent: number } | { excluded: true };

/** A version of the benefit rules, in force from a month on until the next takes over. */
export interface BenefitRules {
  /** `R-<effectiveFrom>-<n>`: the n:th rule set saved for that month. */
  rulesId: string;
  effectiveFrom: string;
  tiers: Tier[];
  groups: Partial<Record<MainGroup, GroupRule>>;
  setAt: string;
  setBy: string;
}

/** No rule set may pay more than this anywhere. */
export const MAX_PERCENT = 10;

/** Percents as basis points (1 % = 100): two decimals at most, so the arithmetic stays in integers. */
export const basisPoints = (percent: number) => Math.round(percent * 100);

/** The tier a counted total reaches: the last one it is at or above. */
export function tierOf(tiers: readonly Tier[], countedCents: number): Tier {
  let reached = tiers[0]!;
  for (const tier of tiers) if (countedCents >= tier.fromCents) reached = tier;
  return reached;
}

/** The tier after the one reached, if there is one: what the member could reach next. */
export const nextTierOf = (tiers: readonly Tier[], countedCents: number): Tier | undefined =>
  tiers.find((tier) => tier.fromCents > countedCents);

export interface Benefit {
  /** The month's total over the groups that may earn: it sets the tier. */
  countedCents: number;
  tierPercent: number;
  /** Each group's percent as applied; an excluded group earns nothing. */
  rates: Partial<Record<MainGroup, number | 'excluded'>>;
  /** Rounded down to the cent. */
  benefitCents: number;
}

/**
 * The benefit of a month's totals under a rule set: the tier is set by the total of the groups that
 * are not excluded; each such group earns its own percent if it has one, else the tier's; the sum is
 * rounded down to the cent (never up: the member is never paid a fraction of a cent that was not earned).
 */
export function benefitOf(
  groups: Partial<Record<MainGroup, number>>,
  rules: Pick<BenefitRules, 'tiers' | 'groups'>,
): Benefit {
  const earning = Object.entries(groups).filter(
    ([group]) => !('excluded' in (rules.groups[group as MainGroup] ?? {})),
  );
  const countedCents = earning.reduce((sum, [, cents]) => sum + (cents ?? 0), 0);
  const tier = tierOf(rules.tiers, countedCents);
  const rates: Benefit['rates'] = {};
  let centsTimesBasisPoints = 0;
  for (const [group, cents] of Object.entries(groups)) {
    const rule = rules.groups[group as MainGroup];
    if (rule && 'excluded' in rule) {
      rates[group as MainGroup] = 'excluded';
      continue;
    }
    const percent = rule?.percent ?? tier.percent;
    rates[group as MainGroup] = percent;
    centsTimesBasisPoints += (cents ?? 0) * basisPoints(percent);
  }
  return {
    countedCents,
    tierPercent: tier.percent,
    rates,
    benefitCents: Math.max(0, Math.floor(centsTimesBasisPoints / 10_000)),
  };
}
