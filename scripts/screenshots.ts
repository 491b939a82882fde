/**
 * `npm run screenshots`: the console's main pages rendered in Chromium against a throwaway local
 * register with a few members in it, written to docs/screenshots/ (README shows them).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { freePort, startServices } from '../infra/local/services.ts';
import { startLocalApi } from '../infra/local/register.ts';
import { PROJECT_ROOT } from '../infra/bundling.ts';
import { handler as addressRefreshJob } from '../functions/jobs/address-refresh.ts';
import { handler as cardBatchJob } from '../functions/jobs/card-batch.ts';
import { anUpdate, putInbound, updateFile } from '../test/support/address-files.ts';
import { aReceipt, aRegistration } from '../test/support/fixtures.ts';
import { call } from '../test/support/local-api.ts';
import { launchChromium, newPage, signIn } from '../test/support/browser.ts';
import { handler as statisticsJob } from '../functions/jobs/statistics.ts';
import type { BenefitRules } from '../shared/benefits/rules.ts';
import { statementOf } from '../shared/benefits/statement.ts';
import { createDocumentClient, tableName } from '../shared/store/dynamo.ts';
import { statementItem } from '../shared/store/dynamo-statements.ts';
import { addMonths, helsinkiMonth } from '../shared/time/helsinki.ts';
import { firstOpenMonth } from '../shared/time/month-close.ts';

const OUT = join(PROJECT_ROOT, 'docs', 'screenshots');
mkdirSync(OUT, { recursive: true });
if (spawnSync('npm', ['run', '-s', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' }).status !== 0)
  throw new Error('the console did not build');

const services = await startServices({ dynamoPort: await freePort(), s3Port: await freePort() });
const api = await startLocalApi({
  services,
  port: 0,
  keyFile: join(mkdtempSync(join(tmpdir(), 'moymore-shots-')), 'key.json'),
});
const browser = await launchChromium();
try {
  const staff = { role: 'customer-service' } as const;
  const register = async (overrides: Record<string, unknown>) =>
    (await call(api, 'POST', '/members', { as: staff, body: aRegistration(overrides) })).body as {
      customerNumber: string;
    };
  const people = [
    {
      surname: 'Virtanen',
      firstNames: 'Aino Kaarina',
      birthDate: '1978-04-12',
      postalCode: '00100',
      postOffice: 'Helsinki',
      language: 'fi',
    },
    {
      surname: 'Virtanen',
      firstNames: 'Matti Juhani',
      birthDate: '1965-09-30',
      postalCode: '33100',
      postOffice: 'Tampere',
      streetAddress: 'Hämeenkatu 3',
      language: 'fi',
    },
    {
      surname: 'Virtala',
      firstNames: 'Eero',
      birthDate: '1990-01-05',
      postalCode: '20100',
      postOffice: 'Turku',
      streetAddress: 'Aurakatu 8',
      language: 'fi',
    },
    {
      surname: 'Virtanen-Öhman',
      firstNames: 'Åsa',
      birthDate: '1984-06-15',
      postalCode: '65100',
      postOffice: 'Vaasa',
      streetAddress: 'Kauppapuistikko 1',
      language: 'sv',
    },
  ];
  const [aino, matti] = [await register(people[0]!), await register(people[1]!)];
  for (const person of people.slice(2)) await register(person);
  const pos = { role: 'pos' } as const;
  for (const [i, month] of ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'].entries()) {
    const receipt = aReceipt(aino.customerNumber, {
      purchasedAt: `${month}-12T12:00:00+03:00`,
      lines: [
        { mainGroup: 'food', amountCents: 4250 + i * 1337 },
        { mainGroup: 'home', amountCents: 1990 + i * 250 },
      ],
    });
    await call(api, 'POST', '/purchases', { as: pos, body: receipt });
  }
  await call(api, 'PUT', `/members/${aino.customerNumber}/consents/marketing.email`, {
    as: staff,
    body: { granted: true, source: 'phone', noticeVersion: '2026.1' },
  });
  await call(api, 'PUT', `/members/${aino.customerNumber}/card`, { as: staff, body: { type: 'CASH_CARD' } });
  // An order the batch holds: a name the manufacturer cannot emboss, for the card-waiting queue.
  const nikos = await register({ surname: 'Παπαδόπουλος', firstNames: 'Νίκος', birthDate: '1990-06-01' });
  await call(api, 'PUT', `/members/${nikos.customerNumber}/card`, { as: staff, body: { type: 'CASH_CARD' } });

  // Benefits: rules in force, next month's, Aino's purchases this month, and her last two months'
  // statements (written straight to the table, as the statement job would once each month closed).
  const admin = { role: 'admin' } as const;
  const now = new Date();
  const thisMonth = helsinkiMonth(now);
  const tiers = [
    { fromCents: 0, percent: 0 },
    { fromCents: 10_000, percent: 1 },
    { fromCents: 30_000, percent: 2 },
    { fromCents: 60_000, percent: 3 },
  ];
  const rules = (
    await call(api, 'POST', '/benefit-rules', {
      as: admin,
      body: { effectiveFrom: firstOpenMonth(now), tiers, groups: { services: { excluded: true } } },
    })
  ).body as BenefitRules;
  await call(api, 'POST', '/benefit-rules', {
    as: admin,
    body: {
      effectiveFrom: addMonths(thisMonth, 1),
      tiers: [...tiers, { fromCents: 100_000, percent: 4 }],
      groups: { services: { excluded: true }, food: { percent: 2 } },
    },
  });
  await call(api, 'POST', '/purchases', {
    as: pos,
    body: aReceipt(aino.customerNumber, {
      purchasedAt: now.toISOString(),
      lines: [
        { mainGroup: 'food', amountCents: 28_740 },
        { mainGroup: 'home', amountCents: 6_990 },
      ],
    }),
  });
  const [monthBefore, lastMonth] = [addMonths(thisMonth, -2), addMonths(thisMonth, -1)];
  const closed = (
    await call(api, 'GET', `/members/${aino.customerNumber}/purchases?from=${monthBefore}&to=${lastMonth}`, {
      as: staff,
    })
  ).body.months as { month: string; groups: Record<string, number> }[];
  for (const { month, groups } of closed) {
    const statement = statementOf(aino.customerNumber, month, groups, rules, [], now.toISOString());
    const item = statementItem(
      month === monthBefore
        ? { ...statement, payment: { status: 'paid', payoutId: 'BP-1', at: now.toISOString() } }
        : statement,
    );
    await createDocumentClient().send(new PutCommand({ TableName: tableName(), Item: item }));
  }
  await cardBatchJob();
  await putInbound(
    'screenshots.dat',
    updateFile([anUpdate(matti.customerNumber, { moveDate: '2026-10-01' })]),
  );
  await addressRefreshJob();
  await call(api, 'POST', `/members/${matti.customerNumber}/erasure-request`, { as: staff });

  const shot = async (page: Page, name: string) => {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
    console.log(`docs/screenshots/${name}.png`);
  };
  const page = await newPage(browser, { viewport: { width: 1200, height: 800 } });
  await page.goto(api.url + '/');
  await page.getByLabel('Role').waitFor();
  await shot(page, 'sign-in');
  await page.getByLabel('Role').selectOption('customer-service');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Search members').fill('virt');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('link', { name: /Virtanen, Aino Kaarina/ }).waitFor();
  await shot(page, 'search');
  await page.getByRole('link', { name: /Virtanen, Aino Kaarina/ }).click();
  await page.getByRole('heading', { name: 'Purchases' }).waitFor();
  await page.locator('.chart').waitFor();
  await shot(page, 'member');
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Email').fill('not an email');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('#edit-email-error').waitFor();
  await shot(page, 'member-edit-errors');
  await page.goto(`${api.url}/queues?queue=address-review`);
  await page.getByRole('button', { name: 'Take the register’s address' }).waitFor();
  await shot(page, 'work-queue');
  await page.goto(`${api.url}/queues?queue=card-waiting`);
  await page.getByText('Name cannot be embossed: agree a name on card').waitFor();
  await shot(page, 'card-waiting');
  await page.getByRole('link', { name: 'Card', exact: true }).click();
  await page.getByLabel('Name on card').fill('NIKOS PAPADOPOULOS');
  await page.getByRole('button', { name: 'Agree the name on card' }).click();
  await page
    .getByRole('definition')
    .filter({ hasText: /^NIKOS PAPADOPOULOS$/ })
    .waitFor();
  await page.getByRole('region', { name: 'Card' }).scrollIntoViewIfNeeded();
  await shot(page, 'name-on-card');
  await page.getByRole('link', { name: 'Register a member' }).click();
  await page.getByLabel('Surname').waitFor();
  await page.getByLabel('Entered from a paper form the member signed').check();
  await shot(page, 'register');
  await page.goto(`${api.url}/paper-form?lang=sv`);
  await shot(page, 'paper-form-sv');

  const processor = await newPage(browser, { viewport: { width: 1200, height: 800 } });
  await signIn(processor, api.url, 'processor');
  await processor.getByRole('link', { name: 'Operations' }).click();
  await processor.getByRole('button', { name: 'Run now' }).click();
  await processor.getByText('Done.', { exact: true }).waitFor();
  await shot(processor, 'operations');

  const member = await newPage(browser, { viewport: { width: 1200, height: 800 }, locale: 'fi-FI' });
  await member.goto(api.url + '/');
  await member.getByLabel('Role').selectOption('member');
  await member.getByLabel('Customer number').fill(aino.customerNumber);
  await member.getByRole('button', { name: 'Sign in' }).click();
  await member.getByRole('heading', { name: 'Ostot' }).waitFor();
  await member.locator('.chart').waitFor();
  await shot(member, 'member-own-fi');

  const own = await newPage(browser, { viewport: { width: 1200, height: 800 } });
  await signIn(own, api.url, 'member', { customerNumber: aino.customerNumber });
  await own.getByRole('table', { name: 'Statements of closed months, newest first' }).waitFor();
  await shot(own, 'member-benefits');

  const rulesPage = await newPage(browser, { viewport: { width: 1200, height: 800 } });
  await signIn(rulesPage, api.url, 'admin');
  await rulesPage.getByRole('link', { name: 'Benefit rules' }).click();
  await rulesPage.getByRole('region', { name: 'Next rules' }).getByRole('table').first().waitFor();
  await shot(rulesPage, 'benefit-rules');
  // The admin's campaigns page: the list, and the footing of each channel with the own-customer exception.
  await rulesPage.getByRole('link', { name: 'Campaigns' }).click();
  await rulesPage.getByLabel('Own-customer exception for email').check();
  await rulesPage.getByRole('button', { name: 'Save the footing' }).click();
  await rulesPage.getByRole('row', { name: /^Email Own customers unless they refused/ }).waitFor();
  await shot(rulesPage, 'campaigns-footing');
  await rulesPage.getByLabel('Own-customer exception for email').uncheck();
  await rulesPage.getByRole('button', { name: 'Save the footing' }).click();
  await rulesPage.getByRole('row', { name: 'Email The member’s consent' }).waitFor();
  // The admin's staff accounts: two people invited, one disabled, and the access review.
  await call(api, 'POST', '/staff-accounts', {
    as: { role: 'admin' },
    body: { email: 'liisa.lahti@moymore.example', groups: ['customer-service', 'processor'] },
  });
  const pekka = await call(api, 'POST', '/staff-accounts', {
    as: { role: 'admin' },
    body: { email: 'pekka.peltonen@moymore.example', groups: ['marketing'] },
  });
  await call(api, 'PUT', `/staff-accounts/${pekka.body.username}/enabled`, {
    as: { role: 'admin' },
    body: { enabled: false },
  });
  await rulesPage.getByRole('link', { name: 'Staff accounts' }).click();
  await rulesPage.getByRole('region', { name: 'Access review' }).getByRole('table').waitFor();
  await shot(rulesPage, 'staff-accounts');

  // Marketing: members who allowed email, a campaign computed, and the register's figures.
  for (let i = 0; i < 15; i++) {
    const { customerNumber } = await register({
      postalCode: i % 2 ? '33100' : '00100',
      language: ['fi', 'sv', 'en'][i % 3],
      birthDate: ['1960-03-01', '1980-08-15', '1995-11-30'][i % 3],
    });
    await call(api, 'PUT', `/members/${customerNumber}/consents/marketing.email`, {
      as: staff,
      body: { granted: true, source: 'phone', noticeVersion: '2026.1' },
    });
  }
  await statisticsJob();
  const marketing = await newPage(browser, { viewport: { width: 1200, height: 800 } });
  await signIn(marketing, api.url, 'marketing');
  await marketing.getByLabel('Campaign name').fill('Tampereen joulu');
  await marketing.getByLabel('Postal code begins with').fill('33');
  await marketing.getByRole('button', { name: 'Create campaign' }).click();
  await marketing.getByRole('button', { name: 'Preview the count' }).click();
  await marketing.getByRole('table', { name: 'Preview: nothing is recorded yet' }).waitFor();
  await marketing.getByLabel('Subject, Finnish').fill('Hei {{firstName}}, joulu tulee Tampereelle');
  await marketing
    .getByLabel('Message text, Finnish')
    .fill('Hei {{firstName}}!\n\nJoulun tarjoukset ovat nyt myymälöissämme.\nTervetuloa!');
  await marketing.getByLabel('Subject, Swedish').fill('Hej {{firstName}}, julen kommer till Tammerfors');
  await marketing
    .getByLabel('Message text, Swedish')
    .fill('Hej {{firstName}}!\n\nJulens erbjudanden finns nu i våra butiker.\nVälkommen!');
  await marketing.getByRole('button', { name: 'Save message' }).click();
  await marketing.getByRole('article', { name: 'Message preview, Swedish' }).waitFor();
  await shot(marketing, 'campaign-message');
  await marketing.getByRole('button', { name: 'Compute the audience' }).click();
  await marketing.getByRole('button', { name: 'Send' }).click();
  await marketing.getByText(/^Messages sent: \d+ \/ \d+$/).waitFor();
  await marketing.getByText('Sent', { exact: true }).first().waitFor();
  await shot(marketing, 'campaign');
  await marketing.getByRole('link', { name: 'Figures' }).click();
  await marketing.getByRole('heading', { name: /^Members by postal area/ }).waitFor();
  await shot(marketing, 'figures');
} finally {
  await browser.close();
  await api.stop();
  await services.stop();
}
