import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { handler as retentionJob } from '../../functions/jobs/retention.ts';
import {
  addMonths,
  addMonthsToDay,
  helsinkiDate,
  helsinkiMonth,
  startOfHelsinkiDay,
} from '../../shared/time/helsinki.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { aReceipt, aRegistration, CUSTOMER_SERVICE, POS } from '../support/fixtures.ts';
import { setClock } from '../support/clock.ts';

let api: LocalApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

/**
 * The instants that break registers, each with the Helsinki day and month it belongs to. UTC is on
 * another day at most of them, which is the point.
 */
const EDGES = [
  ['the 1st of a month just after midnight', '2026-12-01T00:05:00+02:00', '2026-12-01'],
  ['the last day of a month at 23:30', '2026-11-30T23:30:00+02:00', '2026-11-30'],
  ['the first hour of summer time (03:00 became 04:00)', '2027-03-28T04:10:00+03:00', '2027-03-28'],
  [
    'the hour that comes twice when summer time ends, the second time',
    '2026-10-25T03:30:00+02:00',
    '2026-10-25',
  ],
  ['31 December at 23:30', '2026-12-31T23:30:00+02:00', '2026-12-31'],
  ['29 February', '2028-02-29T12:00:00+02:00', '2028-02-29'],
  ['1 March after 29 February, just after midnight', '2028-03-01T00:05:00+02:00', '2028-03-01'],
] as const;

const register = (overrides: Record<string, unknown>) =>
  call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration(overrides) });
const post = (body: unknown) => call(api, 'POST', '/purchases', { as: POS, body });
const monthOf = (n: string, month: string) =>
  call(api, 'GET', `/members/${n}/purchases?from=${month}&to=${month}`, { as: CUSTOMER_SERVICE });
const dayAfter = (day: string) => helsinkiDate(new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000));

describe.each(EDGES)('at %s', (_name, instant, day) => {
  const month = day.slice(0, 7);

  it('is that Helsinki day and month, whatever UTC says', () => {
    expect([helsinkiDate(new Date(instant)), helsinkiMonth(new Date(instant))]).toEqual([day, month]);
  });

  it('counts a receipt of this minute in the Helsinki month, and refuses one from the future', async () => {
    setClock(instant);
    const n = (await register({})).body.customerNumber as string;
    const now = await post(aReceipt(n, { purchasedAt: instant }));
    expect([now.status, now.body.month]).toEqual([201, month]);
    expect((await monthOf(n, month)).body.months).toMatchObject([{ month, receipts: 1 }]);
    const later = new Date(Date.parse(instant) + 6 * 60_000).toISOString();
    expect((await post(aReceipt(n, { purchasedAt: later }))).status).toBe(400);
  });

  it('keeps this month and the 35 before it, from the first Helsinki instant of the oldest', async () => {
    setClock(instant);
    const n = (await register({})).body.customerNumber as string;
    const oldest = addMonths(month, -35);
    const firstInstant = startOfHelsinkiDay(`${oldest}-01`);
    const kept = await post(aReceipt(n, { purchasedAt: firstInstant.toISOString() }));
    expect([kept.status, kept.body.month]).toEqual([201, oldest]);
    const before = await post(
      aReceipt(n, { purchasedAt: new Date(firstInstant.getTime() - 1000).toISOString() }),
    );
    expect(before.body.type).toBe('https://moymore.fi/problems/receipt-too-old');
  });

  it('registers one who turns 15 on this Helsinki day, and not one who turns 15 the next', async () => {
    setClock(instant);
    // 15 years before; before 29 February 2028 that is 28 February 2013, the last day of a month that lacks the 29th.
    const fifteenToday = addMonthsToDay(day, -15 * 12);
    expect((await register({ birthDate: fifteenToday })).status).toBe(201);
    const fifteenTomorrow = await register({ birthDate: dayAfter(fifteenToday) });
    expect(fifteenTomorrow.status).toBe(400);
    expect(fifteenTomorrow.body.errors).toEqual([{ field: 'birthDate', message: expect.any(String) }]);
  });

  it('carries out an erasure request seven Helsinki days later, not six', async () => {
    setClock(instant);
    const n = (await register({})).body.customerNumber as string;
    const asked = await call(api, 'POST', `/members/${n}/erasure-request`, {
      as: { role: 'member', customerNumber: n },
    });
    expect(asked.status).toBe(202);
    const nightsLater = (days: number) =>
      `${helsinkiDate(new Date(Date.parse(instant) + days * 86_400_000))}T04:00:00+02:00`;
    setClock(nightsLater(6));
    await retentionJob({});
    expect((await call(api, 'GET', `/members/${n}`, { as: CUSTOMER_SERVICE })).status).toBe(200);
    setClock(nightsLater(7));
    await retentionJob({});
    expect((await call(api, 'GET', `/members/${n}`, { as: CUSTOMER_SERVICE })).status).toBe(404);
  });
});

describe('one born on 29 February', () => {
  it('turns 15 on 28 February of a common year, in Helsinki', async () => {
    setClock('2027-02-28T00:05:00+02:00');
    expect((await register({ birthDate: '2012-02-29' })).status).toBe(201);
    setClock('2027-02-27T23:55:00+02:00');
    expect((await register({ birthDate: '2012-02-29' })).status).toBe(400);
  });
});
