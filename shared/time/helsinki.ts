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

/** A month as the register writes it: YYYY-MM. */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The months from one YYYY-MM to another, both included. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** The YYYY-MM that is `delta` months from a YYYY-MM (negative: earlier). */
export function addMonths(month: string, delta: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole years from a YYYY-MM-DD birth date to a YYYY-MM-DD day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A real calendar date in YYYY-MM-DD (rejects 2025-02-30). Arithmetic, not Date: files check millions. */
export function isCalendarDate(value: string): boolean {
  if (!CALENDAR_DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!);
}
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
