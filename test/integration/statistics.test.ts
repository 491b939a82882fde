import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { LocalApi } from '../../infra/local/register.ts';
import { handler as statisticsJob } from '../../functions/jobs/statistics.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { ADMIN, aReceipt, aRegistration, CUSTOMER_SERVICE, POS } from '../support/fixtures.ts';
import { setClock } from '../support/clock.ts';
import { computeStatistics } from '../../shared/statistics/compute-statistics.ts';
import type { Report as StoredReport } from '../../shared/statistics/report-model.ts';
import type { StatisticsStore } from '../../shared/statistics/statistics-store.ts';
import { statisticsStore } from '../../shared/store/default-stores.ts';

let api: LocalApi;
const MARKETING = { role: 'marketing' } as const;
type Figure = number | '< 5';
type Report = {
  month: string;
  computedAt: string;
  tables: { id: string; columns: { id: string }[]; rows: { label: string; cells: Figure[] }[] }[];
};
const rowsOf = (report: Report, table: string) =>
  Object.fromEntries(report.tables.find((t) => t.id === table)!.rows.map((row) => [row.label, row.cells]));
const register = async (overrides: Record<string, unknown>) =>
  (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration(overrides) })).body
    .customerNumber as string;
const buy = (n: string, mainGroup: string, amountCents: number, purchasedAt = '2026-11-09T12:00:00+02:00') =>
  call(api, 'POST', '/purchases', {
    as: POS,
    body: aReceipt(n, { purchasedAt, lines: [{ mainGroup, amountCents }] }),
  });
const report = async (name: string, as: { role: 'admin' | 'marketing' } = ADMIN) =>
  (await call(api, 'GET', `/reports/${name}`, { as })).body as Report;

let leaver: string;
const november: Record<string, Report> = {};

/**
 * The register of the insider's attempts: 19 members (17 Finnish, one Swedish and one English
 * speaker; 11 in Tampere, 4 in Vaasa, 4 in Oulu; 6 aged 45–54), five more who bought food and were
 * erased, one live member alone in electronics, one who set and lifted a ban five times.
 */
beforeAll(async () => {
  setClock('2026-11-10T12:00:00+02:00');
  api = await startTestApi();
  const areas = [...Array(11).fill('33100'), ...Array(4).fill('65100'), ...Array(4).fill('90100')];
  const languages = [...Array(17).fill('fi'), 'sv', 'en'];
  const members: string[] = [];
  for (let i = 0; i < 19; i++)
    members.push(
      await register({
        language: languages[i],
        postalCode: areas[i],
        birthDate: i < 6 ? '1975-03-01' : '1995-03-01',
      }),
    );
  leaver = members[0]!; // Finnish-speaking, 51, in Tampere
  for (const n of members.slice(1, 7)) await buy(n, 'food', 1000);
  await buy(members[8]!, 'electronics', 12300);
  for (let i = 0; i < 5; i++) {
    const n = await register({ language: 'fi', postalCode: '33100' });
    await buy(n, 'food', 2000);
    setClock(`2026-11-2${i}T12:00:00+02:00`);
    expect((await call(api, 'DELETE', `/members/${n}?reason=member-request`, { as: ADMIN })).status).toBe(
      200,
    );
  }
  const toggler = members[10]!;
  for (let i = 0; i < 5; i++)
    await call(api, 'PUT', `/members/${toggler}/consents/directMarketingBan`, {
      as: CUSTOMER_SERVICE,
      body: { granted: i % 2 === 0, source: 'phone', noticeVersion: '2026.1' },
    });
  // November closes; its figures are taken on the night of the 3rd of December.
  setClock('2026-12-03T04:30:00+02:00');
  expect(await statisticsJob()).toMatchObject({ month: '2026-11' });
  for (const name of ['members', 'consents', 'purchases', 'cards']) november[name] = await report(name);
});
afterAll(() => api.stop());

describe('the register’s figures', () => {
  it('describe the month that closed last, taken once: nights after change nothing until the next month closes', async () => {
    expect(november.members!.month).toBe('2026-11');
    await buy(leaver, 'food', 5000, '2026-11-30T20:00:00+02:00'); // a late till batch
    setClock('2026-12-10T04:30:00+02:00');
    expect(await statisticsJob()).toMatchObject({ month: '2026-11', skipped: 'taken-already' });
    expect(await report('purchases')).toEqual(november.purchases);
  });

  it('are the same whatever the number of segments the table is read in side by side', async () => {
    const table = statisticsStore();
    const taken = async (segments: number) => {
      let saved: StoredReport[] = [];
      const store: StatisticsStore = {
        everyRecord: (segment, of) => table.everyRecord(segment, of),
        // As if nothing were published yet: the whole history is taken each time.
        get: async () => undefined,
        saveAll: async (reports) => void (saved = [...reports]),
      };
      await computeStatistics(store, new Date('2026-12-03T02:30:00Z'), segments);
      return saved.map(({ computedAt: _computedAt, ...report }) => report);
    };
    const whole = await taken(1);
    expect(whole.length).toBeGreaterThan(0);
    expect(await taken(4)).toEqual(whole);
  });

  it('show every count of members as a multiple of five, or "< 5": none is about one to four members, or none', () => {
    const counts = [
      ...[
        'members-by-month',
        'members-by-language',
        'members-by-channel',
        'members-by-age',
        'members-by-area',
      ].map((t) => [november.members!, t] as const),
      [november.consents!, 'consent-changes'] as const,
      [november.cards!, 'cards-by-type'] as const,
    ];
    for (const [r, id] of counts)
      for (const figure of r.tables.find((t) => t.id === id)!.rows.flatMap((row) => row.cells))
        expect(figure, id).toSatisfy((f: Figure) => f === '< 5' || (f >= 5 && f % 5 === 0));
  });

  it('give no hidden figure back from a total published elsewhere', () => {
    // 17 Finnish speakers of 19 joined: exact figures would leave 2 for the two others, 1 each.
    expect(rowsOf(november.members!, 'members-by-language')).toEqual({ fi: [15], sv: ['< 5'], en: ['< 5'] });
    // Joined: the 19 (the erased are gone but for their count).
    expect(rowsOf(november.members!, 'members-by-month')['2026-11']).toEqual([20, '< 5', 5]);
    // 11 of 19 in Tampere: the other two areas are together, not two cells of 4.
    expect(rowsOf(november.members!, 'members-by-area')).toEqual({ '33': [10], other: [10] });
    expect(rowsOf(november.members!, 'members-by-age')).toMatchObject({ '45–54': [5], '25–34': [15] });
    // All 19 came through the API (no channel named): 20, every other channel "< 5".
    expect(rowsOf(november.members!, 'members-by-channel')).toEqual({
      console: ['< 5'],
      'self-service': ['< 5'],
      paper: ['< 5'],
      'legacy-import': ['< 5'],
      api: [20],
      unknown: ['< 5'],
    });
  });

  it('count an erased member once, in the groups they bought in only', () => {
    const sums = rowsOf(november.purchases!, 'purchase-sums')['2026-11']!;
    const groups = november.purchases!.tables[0]!.columns.slice(1).map((c) => c.id);
    // One live member bought electronics; five erased members' food totals make no buyer of it.
    expect(sums[groups.indexOf('electronics')]).toBe('< 5');
    // Six live and five erased food buyers, 60 € and 100 €.
    expect(sums[groups.indexOf('food')]).toBe(160);
  });

  it('count members, not events: a ban set and lifted five times is one member', () => {
    const changes = rowsOf(november.consents!, 'consent-changes')['2026-11']!;
    expect(
      changes[november.consents!.tables[1]!.columns.findIndex((c) => c.id === 'directMarketingBan') - 1],
    ).toBe('< 5');
  });

  it('give back neither the language nor the age of a member who left, from two months differenced', async () => {
    setClock('2026-12-12T12:00:00+02:00');
    expect((await call(api, 'POST', `/members/${leaver}/membership-end`, { as: ADMIN })).status).toBe(202);
    setClock('2027-01-03T04:30:00+02:00');
    expect(await statisticsJob()).toMatchObject({ month: '2026-12' });
    const december = await report('members');
    expect(rowsOf(december, 'members-by-month')['2026-12']).toEqual(['< 5', '< 5', '< 5']);
    for (const table of ['members-by-language', 'members-by-channel', 'members-by-age', 'members-by-area'])
      expect(rowsOf(december, table), table).toEqual(rowsOf(november.members!, table));
    // November's row is as first published.
    expect(rowsOf(december, 'members-by-month')['2026-11']).toEqual(
      rowsOf(november.members!, 'members-by-month')['2026-11'],
    );
  });

  it('download as CSV as shown, and open to marketing only in its own reports', async () => {
    const csv = await call(api, 'GET', '/reports/members?format=csv&table=members-by-language', {
      as: MARKETING,
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(parse(csv.text, { columns: true, delimiter: ';' })).toEqual([
      { language: 'fi', members: '15' },
      { language: 'sv', members: '< 5' },
      { language: 'en', members: '< 5' },
    ]);
    const list = (await call(api, 'GET', '/reports', { as: MARKETING })).body.reports as { report: string }[];
    expect(list.map((r) => r.report)).toEqual(['members', 'consents', 'purchases', 'campaigns', 'benefits']);
    expect((await call(api, 'GET', '/reports/cards', { as: MARKETING })).status).toBe(403);
    expect((await call(api, 'GET', '/reports/cards', { as: ADMIN })).status).toBe(200);
    expect((await call(api, 'GET', '/reports', { as: CUSTOMER_SERVICE })).status).toBe(403);
  });
});
