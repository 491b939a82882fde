import type { Caller } from '../auth/caller.ts';
import { invalid } from '../refusal.ts';
import { firstOpenMonth } from '../time/month-close.ts';
import type { BenefitRules } from './rules.ts';
import { rulesFor, type BenefitRulesStore } from './rules-store.ts';
import type { BenefitRulesInput } from './schemas.ts';

const ATTEMPTS = 3;

/**
 * A new version of the benefit rules, in force from a month not yet closed: a closed month's
 * statements are never computed again. The rule set is kept with who set it and when: the history
 * is the record of every change.
 */
export async function setBenefitRules(
  caller: Caller,
  input: BenefitRulesInput,
  store: BenefitRulesStore,
  now = new Date(),
): Promise<BenefitRules> {
  const open = firstOpenMonth(now);
  if (input.effectiveFrom < open)
    throw invalid([{ field: 'effectiveFrom', message: `must be a month not yet closed (${open} or later)` }]);
  for (let attempt = 1; ; attempt++) {
    const saved = (await store.all()).filter((rules) => rules.effectiveFrom === input.effectiveFrom);
    const rules: BenefitRules = {
      ...input,
      rulesId: `R-${input.effectiveFrom}-${saved.length + 1}`,
      setAt: now.toISOString(),
      setBy: caller.actor,
    };
    if (await store.add(rules)) return rules;
    if (attempt === ATTEMPTS)
      throw invalid([{ field: 'effectiveFrom', message: 'was being changed by someone else: try again' }]);
  }
}

/**
 * The rules in force now, those that take over later, and the history; the user who set each is the
 * admin's to see.
 */
export async function readBenefitRules(caller: Caller, store: BenefitRulesStore, now = new Date()) {
  const all = await store.all();
  const open = firstOpenMonth(now);
  const shown = ({ setBy, ...rules }: BenefitRules) =>
    caller.role === 'admin' ? { ...rules, setBy } : rules;
  const inForce = rulesFor(open, all);
  // Each later month's rules as they stand (the last saved for it).
  const later = [...new Set(all.map((rules) => rules.effectiveFrom).filter((month) => month > open))].sort();
  const next = later.map((month) => rulesFor(month, all)!);
  return {
    ...(inForce ? { inForce: shown(inForce) } : {}),
    next: next.map(shown),
    history: [...all].reverse().map(shown),
  };
}
