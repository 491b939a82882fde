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

/** The instant a Helsinki day begins. Summer time starts and ends at 03:00 and 04:00, never at midnight. */
export function startOfHelsinkiDay(day: string): Date {
  const summer = new Date(`${day}T00:00:00+03:00`);
  return helsinkiDate(summer) === day ? summer : new Date(`${day}T00:00:00+02:00`);
}

/**
 * The same day and time `months` later (earlier when negative). A day the month lacks becomes its
 * last, as Finnish law reckons periods (150/1930, 3 §): 31 January and a month is 28 or 29 February.
 */
export function addCalendarMonths(at: Date, months: number): Date {
  const result = new Date(at);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  result.setUTCDate(Math.min(day, daysInMonth(result.getUTCFullYear(), result.getUTCMonth() + 1)));
  return result;
}

/** A YYYY-MM-DD day `months` later, the same way. */
export const addMonthsToDay = (day: string, months: number) =>
  addCalendarMonths(new Date(`${day}T00:00:00Z`), months)
    .toISOString()
    .slice(0, 10);

/**
 * Whole years from a YYYY-MM-DD birth date to a YYYY-MM-DD day. One born on 29 February has their
 * birthday on 28 February in a common year (the same rule of Finnish law).
 */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const birthday = Math.min(bd, daysInMonth(y, bm));
  return y - by - (m < bm || (m === bm && d < birthday) ? 1 : 0);
}

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const daysInMonth = (year: number, month: number) =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : DAYS_IN_MONTH[month - 1]!;

/** A real calendar date in YYYY-MM-DD (rejects 2025-02-30). Arithmetic, not Date: files check millions. */
export function isCalendarDate(value: string): boolean {
  if (!CALENDAR_DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
