import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { LocalApi } from '../../infra/local/register.ts';
import type { BenefitRules } from '../../shared/benefits/rules.ts';
import { statementOf } from '../../shared/benefits/statement.ts';
import { createDocumentClient, tableName } from '../../shared/store/dynamo.ts';
import { statementItem } from '../../shared/store/dynamo-statements.ts';
import { addMonths, helsinkiMonth } from '../../shared/time/helsinki.ts';
import { firstOpenMonth } from '../../shared/time/month-close.ts';
import { ADMIN, aReceipt, aRegistration, CUSTOMER_SERVICE, POS, uniqueSurname } from '../support/fixtures.ts';
import { call } from '../support/local-api.ts';
import { consoleForThisFile, expectAccessible, newPage, pageProblems, signIn } from '../support/browser.ts';

let api: LocalApi;
let browser: Browser;
consoleForThisFile((started) => ({ api, browser } = started));

// The browser journeys keep the machine's clock: the months are reckoned from it, in Helsinki.
const now = new Date();
const thisMonth = helsinkiMonth(now);
const [lastMonth, monthBefore, nextMonth] = [-1, -2, 1].map((delta) => addMonths(thisMonth, delta)) as [
  string,
  string,
  string,
];
const TIERS = [
  { fromCents: 0, percent: 0 },
  { fromCents: 10_000, percent: 1 },
  { fromCents: 30_000, percent: 2 },
  { fromCents: 60_000, percent: 3 },
];

/**
 * Rules in force since the first month still open (this one, or last month in its grace days), a
 * member who bought 350 € of food and 50 € of services (excluded) this month, and the statements of
 * the two months before: last month's unpaid, with a late receipt of the month before carried to it,
 * and the month before's paid. Closed months' statements are written straight to the table: on the
 * machine's clock no month can be closed by the job here.
 */
async function aMemberWithBenefits() {
  const saved = await call(api, 'POST', '/benefit-rules', {
    as: ADMIN,
    body: { effectiveFrom: firstOpenMonth(now), tiers: TIERS, groups: { services: { excluded: true } } },
  });
  expect(saved.status).toBe(201);
  const rules = saved.body as BenefitRules;
  const registered = await call(api, 'POST', '/members', {
    as: CUSTOMER_SERVICE,
    body: aRegistration({ surname: uniqueSurname('Lindqvist'), firstNames: 'Ebba', language: 'sv' }),
  });
  const n = registered.body.customerNumber as string;
  const receipt = aReceipt(n, {
    purchasedAt: now.toISOString(),
    lines: [
      { mainGroup: 'food', amountCents: 35_000 },
      { mainGroup: 'services', amountCents: 5_000 },
    ],
  });
  expect((await call(api, 'POST', '/purchases', { as: POS, body: receipt })).status).toBe(201);
  const writtenAt = now.toISOString();
  const paid = {
    ...statementOf(n, monthBefore, { food: 15_000 }, rules, [], writtenAt),
    payment: { status: 'paid' as const, payoutId: `BP-${monthBefore.replace('-', '')}-1`, at: writtenAt },
  };
  const late = { customerNumber: n, month: monthBefore, groups: { food: 27_000 }, lateChanges: 1 };
  const unpaid = statementOf(
    n,
    lastMonth,
    { food: 32_000, services: 2_000 },
    rules,
    [{ ...late, rules, statedCents: paid.benefitCents }],
    writtenAt,
  );
  // 320 € counted reach 2 %: 6,40 €; the month before's late 120 € lift it from 1,50 € to 2,70 €.
  expect(unpaid).toMatchObject({ benefitCents: 640, adjustments: [{ cents: 120 }], payableCents: 760 });
  const db = createDocumentClient();
  for (const statement of [unpaid, paid])
    await db.send(new PutCommand({ TableName: tableName(), Item: statementItem(statement) }));
  return n;
}

/** What a locator shows, with the no-break spaces of Finnish money and percents as plain spaces. */
const shown = async (locator: Locator) =>
  ((await locator.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** A month as the console names it in a language: Chromium's own words, as the page's. */
const monthIn = (page: Page, month: string, locale: string) =>
  page.evaluate(
    ([month, locale]) =>
      new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', year: 'numeric' }).format(
        new Date(`${month}-01T00:00:00Z`),
      ),
    [month, locale] as const,
  );

describe('benefits in the console', () => {
  it('lets the admin set next month’s rules, shows a member their month and statements, and customer service the same', async () => {
    const n = await aMemberWithBenefits();

    // The admin: the rules in force, next month's saved after a refusal shown at its field.
    const admin = await newPage(browser);
    await signIn(admin, api.url, 'admin');
    await admin.getByRole('link', { name: 'Benefit rules' }).click();
    await admin.getByRole('heading', { name: 'Benefit rules', level: 1 }).waitFor();
    const inForce = admin.getByRole('region', { name: 'Rules in force' });
    expect(
      await shown(inForce.getByRole('table', { name: 'Tiers by the month’s counted purchases' })),
    ).toContain('300,00 €2 %');
    expect(
      await shown(inForce.getByRole('table', { name: 'Main groups with a rule of their own' })),
    ).toContain('ServicesExcluded');
    await admin
      .getByRole('region', { name: 'Next rules' })
      .getByText('No rules saved for a later month.')
      .waitFor();
    await expectAccessible(admin, 'the benefit rules');

    const form = admin.getByRole('region', { name: 'New rules' });
    // Filled in from the rules in force.
    expect(await form.getByRole('group', { name: 'Tier 2' }).getByLabel('From (€)').inputValue()).toBe('100');
    expect(await form.getByLabel('Services', { exact: true }).inputValue()).toBe('excluded');
    await form.getByLabel('Effective from').fill(nextMonth);
    const tier3 = form.getByRole('group', { name: 'Tier 3' }).getByLabel('Percent');
    await tier3.fill('12');
    await form.getByRole('button', { name: 'Save the rules' }).click();
    await expect.poll(() => tier3.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByText('must be at most 10').count()).toBe(1);
    await expectAccessible(admin, 'the rules form, refused');
    await tier3.fill('2,5');
    await form.getByLabel('Food and delicatessen', { exact: true }).selectOption('own');
    await form.getByLabel('Food and delicatessen: own percent').fill('3');
    await form.getByRole('button', { name: 'Save the rules' }).click();
    await form.getByText('Saved.', { exact: true }).waitFor();
    const next = admin.getByRole('region', { name: 'Next rules' });
    await next.getByRole('table', { name: 'Tiers by the month’s counted purchases' }).waitFor();
    expect(await shown(next)).toContain('300,00 €2,5 %');
    expect(await shown(next)).toContain('Food and delicatessen3 %');
    const history = admin.getByRole('table', { name: 'Every rule set saved, newest first' });
    await expect.poll(() => history.getByRole('row').count()).toBe(3);
    await history.getByRole('columnheader', { name: 'Set by' }).waitFor();
    await expectAccessible(admin, 'the benefit rules, next month’s saved');
    expect(pageProblems(admin)).toEqual([]);

    // Marketing reads the rules, and neither saves any nor learns who set them.
    const marketing = await newPage(browser);
    await signIn(marketing, api.url, 'marketing');
    await marketing.getByRole('link', { name: 'Benefit rules' }).click();
    await marketing.getByRole('table', { name: 'Every rule set saved, newest first' }).waitFor();
    expect(await marketing.getByRole('button', { name: 'Save the rules' }).count()).toBe(0);
    expect(await marketing.getByRole('columnheader', { name: 'Set by' }).count()).toBe(0);

    // The member, in Swedish: this month so far, last month's statement, and the balance.
    const member = await newPage(browser, { locale: 'sv-FI' });
    await member.goto(api.url + '/');
    await member.getByLabel('Role').selectOption('member');
    await member.getByLabel('Customer number').fill(n);
    await member.getByRole('button', { name: 'Sign in' }).click();
    const mine = member.getByRole('region', { name: 'Förmåner' });
    await mine.getByRole('heading', { name: 'Den här månaden hittills' }).waitFor();
    await mine.getByText('Nästa förmånsnivå 3 %').waitFor();
    const month = await shown(mine);
    for (const part of [
      'Köp som räknas350,00 €',
      'Uppnådd förmånsnivå2 %',
      'Förmån hittills7,00 €',
      'Nästa förmånsnivå 3 %: det fattas ännu köp för 250,00 €.',
      'Utbetalt1,50 €',
      'Väntar (obetalt och under utbetalning)7,60 €',
    ])
      expect(month).toContain(part);
    const statements = mine.getByRole('table', { name: 'Förmånsbesked för avslutade månader, nyaste först' });
    const last = await monthIn(member, lastMonth, 'sv-FI');
    const before = await monthIn(member, monthBefore, 'sv-FI');
    expect(await shown(statements.getByRole('row').nth(1))).toBe(
      `${last}320,00 €2 %6,40 €+1,20 € (${before})7,60 €Obetald`,
    );
    expect(await shown(statements.getByRole('row').nth(2))).toBe(`${before}150,00 €1 %1,50 €—1,50 €Utbetald`);
    await expectAccessible(member, 'a member’s benefits, in Swedish');
    expect(pageProblems(member)).toEqual([]);

    // Customer service, on the member's page: the same, and the read is in the member's trail.
    const staff = await newPage(browser);
    await signIn(staff, api.url, 'customer-service');
    await staff.goto(`${api.url}/member/${n}`);
    const theirs = staff.getByRole('region', { name: 'Benefits' });
    await theirs.getByText('250,00 € more reaches 3 %.').waitFor();
    expect(await shown(theirs)).toContain('Benefit so far7,00 €');
    const row = theirs
      .getByRole('table', { name: 'Statements of closed months, newest first' })
      .getByRole('row');
    expect(await shown(row.nth(1))).toContain('7,60 €Unpaid');
    await expectAccessible(staff, 'a member’s benefits, on customer service’s page');
    expect(pageProblems(staff)).toEqual([]);
    const trail = (await call(api, 'GET', `/members/${n}/audit`, { as: ADMIN })).body.entries;
    expect(trail).toContainEqual(
      expect.objectContaining({ action: 'read', role: 'customer-service', fields: ['benefits'] }),
    );
  });
});
