/**
 * The register's rule for every figure it publishes (reports, campaign summaries and previews): no
 * figure describes fewer than five members, against a reader of every published figure.
 *
 * We round to base 5, as statistics offices do, rather than suppress cells and their complements:
 * suppression needs every margin and total published anywhere to stay sound, and two publications
 * differenced still give a hidden change back; a rounded figure is a range (10 means 8 to 12), so no
 * sum or difference of published figures pins a hidden one. "< 5" covers none too: that nobody in a
 * group is left is also a fact about fewer than five.
 */
export const SMALLEST_GROUP = 5;
export const FEWER_THAN_FIVE = '< 5';
export type Figure = number | typeof FEWER_THAN_FIVE;

const nearest = (value: number, unit: number) => Math.round(value / unit) * unit;

/** A count of members as published: "< 5" under five, otherwise the nearest multiple of five. */
export const publishedCount = (members: number): Figure =>
  members < SMALLEST_GROUP ? FEWER_THAN_FIVE : Math.max(SMALLEST_GROUP, nearest(members, SMALLEST_GROUP));

/**
 * A figure about a group of members (a sum, a number of receipts) as published: only when at least
 * five members make it and no one of them makes more than half of it (else the figure is nearly that
 * member's own), rounded to the unit.
 */
export function publishedFigure(
  group: { members: number; largest?: number },
  figure: number,
  unit: number,
): Figure {
  if (group.members < SMALLEST_GROUP) return FEWER_THAN_FIVE;
  if (group.largest !== undefined && Math.abs(group.largest) * 2 > Math.abs(figure)) return FEWER_THAN_FIVE;
  return nearest(figure, unit);
}
