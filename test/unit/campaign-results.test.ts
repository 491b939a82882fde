import { describe, expect, it } from 'vitest';
import { differences } from '../../shared/campaigns/results.ts';
import { isHeldOut } from '../../shared/campaigns/holdout.ts';
import { MAIN_GROUPS } from '../../shared/purchases/main-groups.ts';

const GROUPS = Object.keys(MAIN_GROUPS.groups);
/** A member's purchases: food as given, nothing else. */
const food = (cents: number) => GROUPS.map((group) => (group === 'food' ? cents : 0));

describe('the difference of the means with its 95 % interval', () => {
  it('is Welch’s: each group’s own variance over its own size', () => {
    const contacted = [100, 200, 300, 400, 500].map(food);
    const heldOut = [100, 100, 200, 200, 300, 300].map(food);
    const result = differences(contacted, heldOut).find((g) => g.mainGroup === 'food')!;
    // Means 300 and 200; sample variances 25 000 and 8 000; 1.96 × √(25 000/5 + 8 000/6) = 156.0.
    expect(result).toEqual({
      mainGroup: 'food',
      contactedMeanCents: 300,
      heldOutMeanCents: 200,
      differenceCents: 100,
      lowCents: -56,
      highCents: 256,
    });
    expect(differences(contacted, heldOut).find((g) => g.mainGroup === 'beauty')).toMatchObject({
      differenceCents: 0,
      lowCents: 0,
      highCents: 0,
    });
  });
});

describe('who is held out', () => {
  it('is about the share asked for, the same on every computation, and nobody without a holdout', () => {
    const campaign = { campaignId: 'C-0123456789ab', holdoutPercent: 10 };
    const members = Array.from({ length: 10_000 }, (_, i) => String(1_000_000_000 + i));
    const held = members.filter((n) => isHeldOut(campaign, n));
    expect(held.length).toBeGreaterThan(900);
    expect(held.length).toBeLessThan(1100);
    expect(members.filter((n) => isHeldOut(campaign, n))).toEqual(held);
    // Another campaign draws other members.
    const other = members.filter((n) => isHeldOut({ ...campaign, campaignId: 'C-ba9876543210' }, n));
    expect(other.filter((n) => held.includes(n)).length).toBeLessThan(200);
    expect(members.some((n) => isHeldOut({ campaignId: campaign.campaignId }, n))).toBe(false);
  });
});
