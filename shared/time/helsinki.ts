/** Calendar dates and months are those of Europe/Helsinki, whatever the server's zone. */
let helsinkiFormat: Intl.DateTimeFormat | undefined;

/**
 * YYYY-MM-DD of the instant in Helsinki. The formatter is made on first use: loading the time-zone
 * data costs about 10 ms, which module init would add to every cold start.
 */
export function helsinkiDate(at: Date): string {
  helsinkiFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Helsinki',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return helsinkiFormat.format(at);
}

/** YYYY-MM of the instant in Helsinki: a purchase at 00:30 on 1 December there is December's. */
export const helsinkiMonth = (at: Date): string => helsinkiDate(at).slice(0, 7);

/** The months from one YYYY-MM to another, both included. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** Whole years from a YYYY-MM-DD birth date to a YYYY-MM-DD day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A real calendar date in YYYY-MM-DD (rejects 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(value + 'T00:00:00Z');
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}
