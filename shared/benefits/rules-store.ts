import type { BenefitRules } from './rules.ts';

export interface BenefitRulesStore {
  /** Every rule set ever saved, oldest first (a few a year: read whole). */
  all(): Promise<BenefitRules[]>;
  /** Saves a new rule set; false when its id was taken meanwhile (two admins at once). */
  add(rules: BenefitRules): Promise<boolean>;
}

/** The rules in force for a month: the last saved of the latest that took effect by then. */
export function rulesFor(month: string, all: readonly BenefitRules[]): BenefitRules | undefined {
  return [...all]
    .filter((rules) => rules.effectiveFrom <= month)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.setAt.localeCompare(b.setAt))
    .at(-1);
}
