import { describe, expect, it } from 'vitest';
import {
  bodyOf,
  centsOf,
  formOf,
  monthAfter,
  percentOf,
} from '../../web/src/features/benefits/rules-form.ts';

const inForce = {
  rulesId: 'R-2026-11-1',
  effectiveFrom: '2026-11',
  tiers: [
    { fromCents: 0, percent: 0 },
    { fromCents: 9_990, percent: 1.5 },
  ],
  groups: { services: { excluded: true }, food: { percent: 3 } },
  setAt: '2026-10-20T09:00:00.000Z',
};

describe('the console’s benefit rules form', () => {
  it('reads euros typed with a comma or a point as whole cents, and nothing else', () => {
    expect(['100', '99,90', '99.9', '1 000', '0,05 €'].map(centsOf)).toEqual([
      10_000, 9_990, 9_990, 100_000, 5,
    ]);
    expect(['', 'abc', '-5', '1,234', '1,2,3'].map(centsOf)).toEqual(Array(5).fill(undefined));
  });

  it('reads percents with a comma or a point, leaving how many decimals and how much to the API', () => {
    expect(['2', '1,5', '2.25', '12 %', '1,234'].map(percentOf)).toEqual([2, 1.5, 2.25, 12, 1.234]);
    expect(percentOf('two')).toBeUndefined();
  });

  it('is filled in from the rules in force, and sends them back as they were', () => {
    const form = formOf(inForce, monthAfter('2026-12'));
    expect(form.effectiveFrom).toBe('2027-01');
    expect(form.tiers.map(({ from, percent }) => [from, percent])).toEqual([
      ['0', '0'],
      ['99,90', '1,5'],
    ]);
    expect(form.groups.services.choice).toBe('excluded');
    expect(form.groups.food).toEqual({ choice: 'own', percent: '3' });
    expect(form.groups.toys.choice).toBe('tier');
    expect(bodyOf(form)).toEqual({
      body: {
        effectiveFrom: '2027-01',
        tiers: inForce.tiers,
        groups: { food: { percent: 3 }, services: { excluded: true } },
      },
    });
  });

  it('names what is not a number by the field the API would name, and sends nothing', () => {
    const form = formOf(inForce, '2027-01');
    form.tiers[1]!.from = 'sata';
    form.groups.food.percent = '';
    expect(bodyOf(form)).toEqual({
      errors: { 'tiers.1.fromCents': 'notEuros', 'groups.food.percent': 'notPercent' },
    });
  });
});
