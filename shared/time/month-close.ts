import { addMonths, helsinkiDate } from './helsinki.ts';

/**
 * A month closes on this day of the next, in Helsinki: late till batches are in by then. Its
 * figures are taken, and its benefit statements written, from then on; nothing changes them after.
 */
export const MONTH_CLOSES_ON_DAY = 3;

/** The latest month that has closed at the instant. */
export function lastClosedMonth(now: Date): string {
  const day = helsinkiDate(now);
  return addMonths(day.slice(0, 7), Number(day.slice(8)) >= MONTH_CLOSES_ON_DAY ? -1 : -2);
}

/** The first month that is still open at the instant: the current month, or the last one in its grace days. */
export const firstOpenMonth = (now: Date) => addMonths(lastClosedMonth(now), 1);

/** Whether a purchase month had closed when a receipt for it came: a change after its statement. */
export const isClosedMonth = (month: string, now: Date) => month <= lastClosedMonth(now);
