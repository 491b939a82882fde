import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEWER_THAN_FIVE, publishedCount, publishedFigure, type Figure } from '../../shared/disclosure.ts';

/** What a reader knows of a true count from its published figure. */
const range = (figure: Figure): [number, number] =>
  figure === FEWER_THAN_FIVE ? [0, 4] : [Math.max(5, figure - 2), figure + 2];
const sum = (ranges: [number, number][]) =>
  ranges.reduce<[number, number]>(([lo, hi], [l, h]) => [lo + l, hi + h], [0, 0]);

/**
 * The insider's best: two tables that split the same members (by language, by age band) and their
 * number published elsewhere, each cell narrowed by every sum it is in. Exact for such sums: what is
 * left is every value the cell can take.
 */
function whatCanBeKnown(tables: Figure[][], total: Figure): [number, number][][] {
  const cells = tables.map((cells) => cells.map(range));
  let [lo, hi] = range(total);
  for (const table of cells) {
    const [l, h] = sum(table);
    [lo, hi] = [Math.max(lo, l), Math.min(hi, h)];
  }
  return cells.map((table) =>
    table.map(([l, h], i) => {
      const [otherLo, otherHi] = sum(table.filter((_, j) => j !== i));
      return [Math.max(l, lo - otherHi), Math.min(h, hi - otherLo)];
    }),
  );
}

describe('the rule for every published figure', () => {
  it('shows no count under five, and rounds the rest to five', () => {
    expect([0, 1, 4, 5, 6, 7, 8, 12, 13, 17, 18].map(publishedCount)).toEqual([
      '< 5',
      '< 5',
      '< 5',
      5,
      5,
      5,
      10,
      10,
      15,
      15,
      20,
    ]);
  });

  it('shows a sum only when five members make it and none of them most of it', () => {
    expect(publishedFigure({ members: 4 }, 500, 1)).toBe('< 5');
    expect(publishedFigure({ members: 6, largest: 400 }, 500, 1)).toBe('< 5');
    expect(publishedFigure({ members: 6, largest: 100 }, 512.4, 1)).toBe(512);
  });

  it('lets no reader of every figure pin down a count under five, whatever the register holds', () => {
    const languages = 3;
    const bands = 6;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(languages - 1), fc.nat(bands - 1)), { maxLength: 60 }),
        (members) => {
          const byLanguage = Array.from(
            { length: languages },
            (_, i) => members.filter(([l]) => l === i).length,
          );
          const byBand = Array.from({ length: bands }, (_, i) => members.filter(([, b]) => b === i).length);
          const known = whatCanBeKnown(
            [byLanguage.map(publishedCount), byBand.map(publishedCount)],
            publishedCount(members.length),
          );
          [byLanguage, byBand].forEach((truth, t) =>
            truth.forEach((n, i) => {
              const [lo, hi] = known[t]![i]!;
              expect(lo <= n && n <= hi).toBe(true);
              if (n < 5) expect(hi - lo).toBeGreaterThan(0);
            }),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
