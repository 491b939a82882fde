import { describe, expect, it } from 'vitest';
import { benefitOf, type BenefitRules } from '../../shared/benefits/rules.ts';
import { rulesFor } from '../../shared/benefits/rules-store.ts';
import { BenefitRulesBody } from '../../shared/benefits/schemas.ts';
import { setBenefitRules } from '../../shared/benefits/set-rules.ts';
import { statementOf } from '../../shared/benefits/statement.ts';
import { fieldErrors } from '../../shared/validation.ts';
import { lastClosedMonth } from '../../shared/time/month-close.ts';

const TIERS = [
  { fromCents: 0, percent: 0 },
  { fromCents: 10_000, percent: 1 },
  { fromCents: 30_000, percent: 2 },
  { fromCents: 60_000, percent: 3 },
  { fromCents: 100_000, percent: 4 },
  { fromCents: 150_000, percent: 5 },
];
const rules = (over: Partial<BenefitRules> = {}): BenefitRules => ({
  rulesId: 'R-2026-11-1',
  effectiveFrom: '2026-11',
  tiers: TIERS,
  groups: {},
  setAt: '2026-10-20T10:00:00Z',
  setBy: 'admin',
  ...over,
});

describe('the benefit of a month', () => {
  it.each([
    [9_999, 0, 0],
    [10_000, 1, 100],
    [29_999, 1, 299],
    [30_000, 2, 600],
    [149_999, 4, 5_999],
    [150_000, 5, 7_500],
  ])('at %i cents reaches the tier of %i percent and earns %i cents', (cents, tierPercent, benefitCents) => {
    expect(benefitOf({ food: cents }, rules())).toMatchObject({
      countedCents: cents,
      tierPercent,
      benefitCents,
    });
  });

  it('leaves an excluded group out of the tier and out of the benefit', () => {
    const withTobacco = rules({ groups: { services: { excluded: true } } });
    const benefit = benefitOf({ food: 20_000, services: 50_000 }, withTobacco);
    expect(benefit).toMatchObject({ countedCents: 20_000, tierPercent: 1, benefitCents: 200 });
    expect(benefit.rates).toEqual({ food: 1, services: 'excluded' });
  });

  it('gives a group its own percent, whatever tier the month reached', () => {
    const books = rules({ groups: { 'books-stationery': { percent: 5 } } });
    expect(benefitOf({ food: 10_000, 'books-stationery': 1_000 }, books)).toMatchObject({
      tierPercent: 1,
      benefitCents: 100 + 50,
    });
  });

  it('sums the groups before it rounds down to the cent, never up', () => {
    // 1 % of 33 333 cents is 333.33, and of 66 667 (2 %) 1 333.34: summed 1 666.67, paid 1 666.
    const two = rules({ tiers: [{ fromCents: 0, percent: 2 }], groups: { food: { percent: 1 } } });
    expect(benefitOf({ food: 33_333, home: 66_667 }, two).benefitCents).toBe(1_666);
    expect(benefitOf({ food: 99 }, rules({ tiers: [{ fromCents: 0, percent: 1.5 }] })).benefitCents).toBe(1);
  });

  it('counts a month after its returns: what is left of it', () => {
    expect(benefitOf({ food: 10_000 - 1 }, rules()).tierPercent).toBe(0);
  });
});

describe('the rules in force', () => {
  const november = rules();
  const december = rules({
    rulesId: 'R-2026-12-1',
    effectiveFrom: '2026-12',
    tiers: [{ fromCents: 0, percent: 3 }],
  });
  const decemberAgain = { ...december, rulesId: 'R-2026-12-2', setAt: '2026-11-30T10:00:00Z' };
  it('are the last saved of the latest to take effect by the month', () => {
    const all = [november, december, decemberAgain];
    expect(rulesFor('2026-10', all)).toBeUndefined();
    expect(rulesFor('2026-11', all)?.rulesId).toBe('R-2026-11-1');
    expect(rulesFor('2027-03', all)?.rulesId).toBe('R-2026-12-2');
  });

  it('carry a late month’s difference to the next statement, under that month’s own rules', () => {
    const statement = statementOf(
      '1234567897',
      '2026-12',
      { food: 10_000 },
      decemberAgain,
      [
        {
          customerNumber: '1234567897',
          month: '2026-11',
          groups: { food: 9_000 },
          lateChanges: 1,
          statedCents: 100,
          rules: november,
        },
      ],
      '2027-01-03T03:30:00Z',
    );
    // December: 3 % of 100 €; November fell under its first tier after a return: 1 € back.
    expect(statement).toMatchObject({
      benefitCents: 300,
      adjustments: [{ month: '2026-11', cents: -100 }],
      payableCents: 200,
    });
  });
});

describe('a rule set', () => {
  const errors = (body: unknown) => {
    const parsed = BenefitRulesBody.safeParse(body);
    return parsed.success ? [] : fieldErrors(parsed.error, body);
  };
  const valid = {
    effectiveFrom: '2027-01',
    tiers: TIERS,
    groups: { services: { excluded: true } },
  };

  it('is refused when it would pay more than 10 %, disorders or repeats tiers, or names an unknown group', () => {
    expect(errors(valid)).toEqual([]);
    expect(errors({ ...valid, groups: {}, tiers: [{ fromCents: 0, percent: 11 }] })).toEqual([
      { field: 'tiers.0.percent', message: expect.stringContaining('at most 10') },
    ]);
    expect(errors({ ...valid, groups: { food: { percent: 12 } } })[0]?.field).toBe('groups.food.percent');
    expect(errors({ ...valid, groups: {}, tiers: [TIERS[0], TIERS[2], TIERS[1]] })).toEqual([
      { field: 'tiers', message: expect.stringContaining('must rise') },
    ]);
    expect(errors({ ...valid, groups: {}, tiers: [TIERS[0], TIERS[1], TIERS[1]] })[0]?.field).toBe('tiers');
    expect(errors({ ...valid, groups: {}, tiers: [TIERS[1]] })[0]?.field).toBe('tiers');
    expect(errors({ ...valid, groups: { tobacco: { excluded: true } } })[0]?.field).toMatch(/^groups/);
  });

  it('takes effect from a month not yet closed, and never changes one that is', async () => {
    const store = { all: async () => [], add: async () => true };
    const admin = { actor: 'a', role: 'admin', via: 't', requestId: 'r' } as const;
    const now = new Date('2026-12-02T12:00:00+02:00'); // November still in its grace days
    expect(lastClosedMonth(now)).toBe('2026-10');
    const input = { ...valid, groups: {} };
    await expect(
      setBenefitRules(admin, { ...input, effectiveFrom: '2026-10' }, store, now),
    ).rejects.toMatchObject({
      errors: [{ field: 'effectiveFrom', message: expect.stringContaining('2026-11') }],
    });
    expect((await setBenefitRules(admin, { ...input, effectiveFrom: '2026-11' }, store, now)).rulesId).toBe(
      'R-2026-11-1',
    );
  });
});
