import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { LocalApi } from '../../infra/local/register.ts';
import { handler as statisticsJob } from '../../functions/jobs/statistics.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { ADMIN, aReceipt, aRegistration, CUSTOMER_SERVICE, POS } from '../support/fixtures.ts';

let api: LocalApi;
const MARKETING = { role: 'marketing' } as const;
type Report = {
  computedAt: string;
  tables: { id: string; columns: { id: string }[]; rows: { label: string; cells: (number | string)[] }[] }[];
};
const rowsOf = (report: Report, table: string) =>
  Object.fromEntries(report.tables.find((t) => t.id === table)!.rows.map((row) => [row.label, row.cells]));
const register = async (overrides: Record<string, unknown>) =>
  (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration(overrides) })).body
    .customerNumber as string;

beforeAll(async () => {
  api = await startTestApi();
  // Six Finnish speakers in Tampere, five English speakers in Oulu, two Swedish speakers in Vaasa;
  // food bought by the six, home goods by the two.
  const finns = [];
  for (let i = 0; i < 6; i++) finns.push(await register({ language: 'fi', postalCode: '33100' }));
  for (let i = 0; i < 5; i++) await register({ language: 'en', postalCode: '90100' });
  const swedes = [
    await register({ language: 'sv', postalCode: '65100' }),
    await register({ language: 'sv', postalCode: '65100' }),
  ];
  for (const n of finns)
    await call(api, 'POST', '/purchases', {
      as: POS,
      body: aReceipt(n, { lines: [{ mainGroup: 'food', amountCents: 1000 }] }),
    });
  for (const n of swedes)
    await call(api, 'POST', '/purchases', {
      as: POS,
      body: aReceipt(n, { lines: [{ mainGroup: 'home', amountCents: 5000 }] }),
    });
  await statisticsJob();
});
afterAll(() => api.stop());

describe('the register’s figures', () => {
  it('are computed by the nightly job in one pass and read by the report routes', async () => {
    const result = await statisticsJob();
    expect(result.members).toBe(13);
    const members = (await call(api, 'GET', '/reports/members', { as: ADMIN })).body as Report;
    // Two Swedish speakers are "< 5"; so are the five English speakers, or 13 − 6 would give the two away.
    expect(rowsOf(members, 'members-by-language')).toEqual({ fi: [6], en: ['< 5'], sv: ['< 5'] });
    expect(rowsOf(members, 'members-by-area')).toEqual({ '33': [6], '65': ['< 5'], '90': ['< 5'] });
  });

  it('never shows a figure about fewer than five members, in CSV neither', async () => {
    const purchases = (await call(api, 'GET', '/reports/purchases', { as: MARKETING })).body as Report;
    const month = Object.keys(rowsOf(purchases, 'purchase-sums'))[0]!;
    const groups = purchases.tables.find((t) => t.id === 'purchase-sums')!.columns.map((c) => c.id);
    const cells = rowsOf(purchases, 'purchase-sums')[month]!;
    expect(cells[groups.indexOf('food') - 1]).toBe(60); // six members, 10 € each
    expect(cells[groups.indexOf('home') - 1]).toBe('< 5'); // two members
    const csv = await call(api, 'GET', '/reports/members?format=csv&table=members-by-language', {
      as: ADMIN,
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(parse(csv.text, { columns: true, delimiter: ';' })).toEqual([
      { language: 'en', members: '< 5' },
      { language: 'fi', members: '6' },
      { language: 'sv', members: '< 5' },
    ]);
  });

  it('lets marketing open the marketing reports only', async () => {
    const list = (await call(api, 'GET', '/reports', { as: MARKETING })).body.reports as { report: string }[];
    expect(list.map((r) => r.report)).toEqual(['members', 'consents', 'purchases', 'campaigns']);
    const cards = await call(api, 'GET', '/reports/cards', { as: MARKETING });
    expect(cards.status).toBe(403);
    expect((await call(api, 'GET', '/reports/cards', { as: ADMIN })).status).toBe(200);
    expect((await call(api, 'GET', '/reports', { as: CUSTOMER_SERVICE })).status).toBe(403);
  });
});
