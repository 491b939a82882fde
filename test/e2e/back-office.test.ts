import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { LocalApi } from '../../infra/local/register.ts';
import { handler as addressRefreshJob } from '../../functions/jobs/address-refresh.ts';
import { anUpdate, putInbound, updateFile } from '../support/address-files.ts';
import { ADMIN, aRegistration, CUSTOMER_SERVICE } from '../support/fixtures.ts';
import { call } from '../support/local-api.ts';
import { orderAndAnswerCard } from '../support/card-answers.ts';
import { consoleForThisFile, expectAccessible, newPage, pageProblems, signIn } from '../support/browser.ts';

let api: LocalApi;
let browser: Browser;
consoleForThisFile((started) => ({ api, browser } = started));

async function aMember() {
  const response = await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() });
  expect(response.status).toBe(201);
  return response.body as { customerNumber: string; surname: string; firstNames: string };
}

const returnCard = (customerNumber: string) =>
  orderAndAnswerCard(api, customerNumber, 'RETURNED', { reason: 'unknown address' });

const rowOf = (page: import('playwright-core').Page, customerNumber: string) =>
  page.getByRole('row').filter({ has: page.getByRole('link', { name: customerNumber, exact: true }) });

describe('work queues in the console', () => {
  it('takes the population register’s address for a line in review', async () => {
    const member = await aMember();
    await putInbound(
      `e2e-${member.customerNumber}.dat`,
      updateFile([anUpdate(member.customerNumber, { moveDate: '2026-10-01' })]),
    );
    await addressRefreshJob();
    const page = await newPage(browser);
    await signIn(page, api.url, 'customer-service');
    await page.getByRole('link', { name: 'Work queues' }).click();
    await page.getByRole('link', { name: 'Address lines in review' }).click();
    const row = rowOf(page, member.customerNumber);
    await row.waitFor();
    expect(await row.textContent()).toContain('Hämeenkatu 12 B 7');
    await expectAccessible(page, 'work queues');
    await row.getByRole('button', { name: 'Take the register’s address' }).click();
    await expect.poll(() => rowOf(page, member.customerNumber).count()).toBe(0);

    await page.goto(`${api.url}/member/${member.customerNumber}`);
    await page.getByText('Hämeenkatu 12 B 7').waitFor();
    await page.getByText('from the population register').first().waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  it('sends a returned card again, and marks the doubtful address checked', async () => {
    const member = await aMember();
    await returnCard(member.customerNumber);
    const page = await newPage(browser);
    await signIn(page, api.url, 'customer-service');
    await page.goto(`${api.url}/queues?queue=card-returned`);
    await rowOf(page, member.customerNumber).getByRole('button', { name: 'Send the card again' }).click();
    await expect.poll(() => rowOf(page, member.customerNumber).count()).toBe(0);
    await page.getByRole('link', { name: 'Doubtful addresses' }).click();
    await rowOf(page, member.customerNumber).getByRole('button', { name: 'Mark checked' }).click();
    await expect.poll(() => rowOf(page, member.customerNumber).count()).toBe(0);
    const stored = (await call(api, 'GET', `/members/${member.customerNumber}`, { as: CUSTOMER_SERVICE }))
      .body;
    expect(stored).toMatchObject({ card: { status: 'ORDERED' }, flags: { addressDoubtful: false } });
  });

  it('lets an admin erase a member whose erasure was requested, after typing the number', async () => {
    const member = await aMember();
    await call(api, 'POST', `/members/${member.customerNumber}/erasure-request`, { as: CUSTOMER_SERVICE });
    const page = await newPage(browser);
    await signIn(page, api.url, 'admin');
    await page.goto(`${api.url}/queues?queue=erasure`);
    await rowOf(page, member.customerNumber).getByRole('link', { name: 'Erase the member' }).click();
    await page.getByRole('button', { name: 'Erase the member' }).click();
    await page.getByLabel('Reason').selectOption('member-request');
    const confirm = page.getByRole('button', { name: 'Confirm' });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByLabel(/Type the customer number/).fill(member.customerNumber);
    await confirm.click();
    await page.getByLabel('Search members').waitFor();
    expect((await call(api, 'GET', `/members/${member.customerNumber}`, { as: ADMIN })).status).toBe(404);
  });
});

describe('the processor’s view in the console', () => {
  it('runs the card batch, lists the runs, and shows a file’s name as text, never as markup', async () => {
    const name = `<img src=x onerror="document.title='owned'">${Date.now()}.dat`;
    await putInbound(name, Buffer.from('not an update file\r\n', 'latin1'));
    await addressRefreshJob();
    const page = await newPage(browser);
    await signIn(page, api.url, 'processor');
    expect(await page.getByRole('link', { name: 'Register a member' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Operations' }).click();
    await page.getByRole('button', { name: 'Run now' }).click();
    await page.getByText('Done.', { exact: true }).waitFor();
    await page.getByRole('row').filter({ hasText: 'processor' }).first().waitFor();
    await page.getByText(name, { exact: false }).waitFor();
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.title()).not.toBe('owned');
    await expectAccessible(page, 'operations');
  });

  it('runs the retention job on demand and reads its summary, and a reindex as a dry run', async () => {
    const page = await newPage(browser);
    await signIn(page, api.url, 'processor');
    await page.getByRole('link', { name: 'Operations' }).click();
    await page.getByLabel('Job', { exact: true }).selectOption('retention');
    await page.getByText('Erasures that are due').waitFor();
    await page.getByRole('button', { name: 'Run now' }).click();
    await page.getByText('Done.', { exact: true }).waitFor();
    const retention = await call(api, 'GET', '/job-runs', { as: { role: 'processor' } });
    const asked = (retention.body.jobs as { job: string; runs: { requestedBy?: { role: string } }[] }[])
      .find((listed) => listed.job === 'retention')!
      .runs.filter((run) => run.requestedBy?.role === 'processor');
    expect(asked).toHaveLength(1);

    await page.getByLabel('Job', { exact: true }).selectOption('reindex');
    await page.getByLabel('Dry run: count what it would do, write nothing').check();
    await expectAccessible(page, 'operations, a dry run');
    await page.getByRole('button', { name: 'Run now' }).click();
    await page.getByText('Done.', { exact: true }).waitFor();
    await page.getByRole('cell', { name: 'processor, dryRun: true' }).first().waitFor();
    expect(pageProblems(page)).toEqual([]);
  });
});

describe('a member in the console', () => {
  it('sees and corrects their own data, and nobody else’s', async () => {
    const [own, other] = [await aMember(), await aMember()];
    const page = await newPage(browser);
    await signIn(page, api.url, 'member', { customerNumber: own.customerNumber });
    await page.getByRole('heading', { name: new RegExp(own.surname) }).waitFor();
    expect(await page.getByLabel('Search members').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Work queues' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Street address').fill('Oma tie 9');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Who viewed or changed the data' }).waitFor();
    await expectAccessible(page, 'own data');

    await page.goto(`${api.url}/member/${other.customerNumber}`);
    await page.getByText('No such member').waitFor();
    expect(await page.getByText(other.surname).count()).toBe(0);
  });
});

describe('a member’s own account in the console', () => {
  it('is linked by the email it signed up with, straight to the member’s own page', async () => {
    const member = await aMember();
    const email = (
      (await call(api, 'GET', `/members/${member.customerNumber}`, { as: CUSTOMER_SERVICE })).body as {
        email: string;
      }
    ).email;
    const page = await newPage(browser);
    await signIn(page, api.url, 'member', { email });
    await page.getByRole('heading', { name: new RegExp(member.surname) }).waitFor();
    expect(page.url()).toContain(`/member/${member.customerNumber}`);
  });

  it('links by card and birth date after a wrong try, or joins as a new member with consents', async () => {
    const member = await aMember();
    const cardNumber = `7${String(Date.now()).padStart(15, '0')}`;
    await orderAndAnswerCard(api, member.customerNumber, 'PRODUCED', { cardNumber });
    const page = await newPage(browser);
    await signIn(page, api.url, 'member', { email: `someone.${Date.now()}@example.fi` });
    await page.getByRole('heading', { name: 'Your membership' }).waitFor();
    await expectAccessible(page, 'link or join');
    const link = page.getByRole('region', { name: 'I am a member' });
    await link.getByLabel('Card number').fill(cardNumber);
    await link.getByLabel('Date of birth').fill('1970-01-01');
    await link.getByRole('button', { name: 'Link my membership' }).click();
    await link.getByText('Check the card number and the birth date', { exact: false }).waitFor();
    await link.getByLabel('Date of birth').fill('1985-06-15');
    await link.getByRole('button', { name: 'Link my membership' }).click();
    // Signed in again, straight through: the new token carries the customer number.
    await page.getByRole('heading', { name: new RegExp(member.surname) }).waitFor();
    expect(page.url()).toContain(`/member/${member.customerNumber}`);

    const joining = await newPage(browser);
    const email = `joiner.${Date.now()}@example.fi`;
    await signIn(joining, api.url, 'member', { email });
    const join = joining.getByRole('region', { name: 'Join as a new member' });
    expect(await join.getByLabel('Email', { exact: true }).count()).toBe(0);
    await join.getByLabel('Surname').fill('Liittyjä');
    await join.getByLabel('First names').fill('Uusi');
    await join.getByLabel('Date of birth').fill('1990-03-04');
    await join.getByLabel('Marketing by email').check();
    await join.getByRole('button', { name: 'Join' }).click();
    await joining.getByRole('heading', { name: /Liittyjä/ }).waitFor();
    const n = /\/member\/(\d{10})/.exec(joining.url())![1]!;
    const consents = await call(api, 'GET', `/members/${n}/consents`, { as: CUSTOMER_SERVICE });
    expect(consents.body.consents).toContainEqual(
      expect.objectContaining({ purpose: 'marketing.email', granted: true, noticeVersion: '2026.1' }),
    );
    expect(pageProblems(page)).toEqual([]);
    expect(pageProblems(joining)).toEqual([]);
  });
});
