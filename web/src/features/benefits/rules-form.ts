// Only .ts below: the form's rules are tested in Node, outside the browser.
import type { AnswerOf, BodyOf } from '../../lib/api/types.ts';
import { MAIN_GROUP_NAMES } from '../../lib/generated/code-lists.ts';
import type { MessageKey } from '../../lib/i18n/messages/en.ts';

export type RuleSet = NonNullable<AnswerOf<'readBenefitRules'>['inForce']>;
export type RulesBody = BodyOf<'setBenefitRules'>;

export type MainGroup = keyof typeof MAIN_GROUP_NAMES;
export const MAIN_GROUPS = Object.keys(MAIN_GROUP_NAMES) as MainGroup[];

/** A main group earns the tier's percent, its own, or nothing. */
export const GROUP_CHOICES = ['tier', 'own', 'excluded'] as const;
export type GroupChoice = (typeof GROUP_CHOICES)[number];

/** The rules form as typed: euros and percents as text, a tier row keyed for React while rows come and go. */
export interface RulesForm {
  effectiveFrom: string;
  tiers: { key: number; from: string; percent: string }[];
  groups: Record<MainGroup, { choice: GroupChoice; percent: string }>;
}

let nextKey = 0;
export const newTier = (from = '', percent = '') => ({ key: nextKey++, from, percent });

/** Cents as euros to type: 10000 → "100", 9990 → "99,90". */
const eurosText = (cents: number) =>
  cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', ',');
const percentText = (percent: number) => String(percent).replace('.', ',');

/** The month after a YYYY-MM. */
export function monthAfter(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number, 1)).toISOString().slice(0, 7);
}

/** The form filled in from a rule set (the one in force), or one tier of nothing. */
export function formOf(rules: RuleSet | undefined, effectiveFrom: string): RulesForm {
  const groups = Object.fromEntries(
    MAIN_GROUPS.map((group) => {
      const rule = rules?.groups[group];
      if (rule && 'excluded' in rule) return [group, { choice: 'excluded', percent: '' }];
      if (rule) return [group, { choice: 'own', percent: percentText(rule.percent) }];
      return [group, { choice: 'tier', percent: '' }];
    }),
  ) as RulesForm['groups'];
  const tiers = rules?.tiers.map((tier) => newTier(eurosText(tier.fromCents), percentText(tier.percent)));
  return { effectiveFrom, tiers: tiers ?? [newTier('0', '0')], groups };
}

const squeezed = (text: string) => text.replace(/[\s\u00a0€%]/g, '');

/** Euros typed with a comma or a point as whole cents: "99,9" → 9990; not euros → undefined. */
export function centsOf(text: string): number | undefined {
  const typed = squeezed(text);
  if (!/^\d+(?:[.,]\d{1,2})?$/.test(typed)) return undefined;
  const [whole, fraction = ''] = typed.split(/[.,]/) as [string, string?];
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** A percent typed with a comma or a point; the API says whether it is too much or too precise. */
export function percentOf(text: string): number | undefined {
  const typed = squeezed(text);
  return /^\d+(?:[.,]\d+)?$/.test(typed) ? Number(typed.replace(',', '.')) : undefined;
}

/**
 * The body to send, or what cannot be read as a number, by the field the API would name: the API
 * judges the rest (more than 10 %, tiers out of order, a closed month) and names its fields alike.
 */
export function bodyOf(form: RulesForm): { body: RulesBody } | { errors: Record<string, MessageKey> } {
  const errors: Record<string, MessageKey> = {};
  const tiers = form.tiers.map((tier, i) => {
    const fromCents = centsOf(tier.from);
    const percent = percentOf(tier.percent);
    if (fromCents === undefined) errors[`tiers.${i}.fromCents`] = 'notEuros';
    if (percent === undefined) errors[`tiers.${i}.percent`] = 'notPercent';
    return { fromCents: fromCents ?? 0, percent: percent ?? 0 };
  });
  const groups: RulesBody['groups'] = {};
  for (const group of MAIN_GROUPS) {
    const { choice, percent } = form.groups[group];
    if (choice === 'excluded') groups[group] = { excluded: true };
    if (choice !== 'own') continue;
    const own = percentOf(percent);
    if (own === undefined) errors[`groups.${group}.percent`] = 'notPercent';
    groups[group] = { percent: own ?? 0 };
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { body: { effectiveFrom: form.effectiveFrom, tiers, groups } };
}
