import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../../shared/members/phone.ts';
import {
  addMonthsToDay,
  ageOn,
  helsinkiDate,
  isCalendarDate,
  startOfHelsinkiDay,
} from '../../shared/time/helsinki.ts';

describe('phone numbers', () => {
  it.each([
    ['040 123 4567', '+358401234567'],
    ['040-1234567', '+358401234567'],
    ['(09) 123 4567', '+35891234567'],
    ['+358 40 123 4567', '+358401234567'],
    ['00358401234567', '+358401234567'],
    ['+46 70 123 45 67', '+46701234567'],
    ['+358 050 123 4567', '+358501234567'],
    ['+358 (0)50 123 4567', '+358501234567'],
    ['00358 050 1234567', '+358501234567'],
  ])('writes %s as %s', (written, e164) => expect(normalisePhone(written)).toBe(e164));

  it.each(['401234567', '+0401234567', '040 12', '+3584012345678901234', 'puhelin', ''])(
    'refuses %s',
    (written) => expect(normalisePhone(written)).toBeUndefined(),
  );
});

describe('dates in Helsinki', () => {
  it('takes the calendar day of Helsinki, not of UTC', () => {
    expect(helsinkiDate(new Date('2026-11-30T22:30:00Z'))).toBe('2026-12-01');
    expect(helsinkiDate(new Date('2026-07-31T20:59:00Z'))).toBe('2026-07-31');
  });

  it('counts whole years of age, a birthday counting from its day', () => {
    expect(ageOn('2011-11-25', '2026-11-25')).toBe(15);
    expect(ageOn('2011-11-26', '2026-11-25')).toBe(14);
  });

  it('gives one born on 29 February their birthday on 28 February in a common year, as Finnish law reckons periods', () => {
    expect(ageOn('2008-02-29', '2026-02-27')).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('adds months to a day the way periods are reckoned: a day the month lacks becomes its last', () => {
    expect(addMonthsToDay('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDay('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsToDay('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonthsToDay('2026-12-31', 12)).toBe('2027-12-31');
    expect(addMonthsToDay('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('finds the instant a Helsinki day begins, in winter and in summer time', () => {
    expect(startOfHelsinkiDay('2026-12-01').toISOString()).toBe('2026-11-30T22:00:00.000Z');
    expect(startOfHelsinkiDay('2026-07-01').toISOString()).toBe('2026-06-30T21:00:00.000Z');
    // The days summer time begins and ends: still midnight by the clock that day starts with.
    expect(startOfHelsinkiDay('2027-03-28').toISOString()).toBe('2027-03-27T22:00:00.000Z');
    expect(startOfHelsinkiDay('2026-10-25').toISOString()).toBe('2026-10-24T21:00:00.000Z');
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('25-01-01')).toBe(false);
  });
});
