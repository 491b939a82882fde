import { vi } from 'vitest';

/**
 * The instant the register's tests live at unless a test sets its own: a Friday late in November,
 * Helsinki time, after every fixed date the fixtures use. No test reads the machine's date.
 */
export const TEST_DAY = '2026-11-27T12:00:00+02:00';

/**
 * Sets the clock of everything in this test process (the local API and its handlers, the tokens it
 * signs and checks, the jobs) to the instant, running on from there as real time does. Only Date is
 * faked: timers, and the services in other processes, keep real time.
 */
export function setClock(at: string | Date): void {
  // Advanced every millisecond, as a real clock reads: two writes a few milliseconds apart get two instants.
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, advanceTimeDelta: 1 });
  vi.setSystemTime(new Date(at));
}
