import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { LocalApi } from '../../infra/local/register.ts';
import { aRegistration, CUSTOMER_SERVICE } from '../support/fixtures.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { expectAccessible, launchChromium, newPage, pageProblems, signIn } from '../support/browser.ts';

let api: LocalApi;
let browser: Browser;
beforeAll(async () => {
  [api, browser] = await Promise.all([startTestApi(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

/** A member in Tampere (postal codes 33…) or Helsinki who allowed marketing by email. */
async function aConsentingMember(postalCode: string) {
  const member = (
    await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration({ postalCode }) })
  ).body as { customerNumber: string; email: string };
  await setConsent(member.customerNumber, 'marketing.email', true);
  return member;
}
const setConsent = (n: string, purpose: string, granted: boolean) =>
  call(api, 'PUT', `/members/${n}/consents/${purpose}`, {
    as: CUSTOMER_SERVICE,
    body: { granted, source: 'phone', noticeVersion: '2026.1' },
  });

describe('marketing in the console', () => {
  it('creates an email campaign with criteria, previews it, computes it and downloads the CSV', async () => {
    const [stays, bans] = [await aConsentingMember('33100'), await aConsentingMember('33200')];
    await aConsentingMember('00100'); // outside the criteria
    const page = await newPage(browser);
    await signIn(page, api.url, 'marketing');
    await page.getByRole('heading', { name: 'Campaigns', exact: true }).waitFor();

    await page.getByLabel('Campaign name').fill('Tampereen joulu');
    await page.getByLabel('Channel').selectOption('email');
    await page.getByLabel('Postal code begins with').fill('33');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('heading', { name: 'Tampereen joulu' }).waitFor();
    await expectAccessible(page, 'a draft campaign');

    await page.getByRole('button', { name: 'Preview the count' }).click();
    const preview = page.getByRole('table', { name: 'Preview: nothing is recorded yet' });
    await preview.getByRole('row', { name: 'Reached 2' }).waitFor();

    // A ban set after the preview is honoured when the audience is computed.
    await setConsent(bans.customerNumber, 'directMarketingBan', true);
    await page.getByRole('button', { name: 'Compute the audience' }).click();
    await page.getByText('Audience computed').first().waitFor();
    const summary = page.getByRole('table', { name: /^Computed/ });
    await summary.getByRole('row', { name: 'Reached 1' }).waitFor();
    await summary.getByRole('row', { name: 'Left out: direct-marketing ban 1' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the audience (CSV)' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toBe('customerNumber;surname;firstNames;email');
    expect(csv).toContain(stays.email);
    expect(csv).not.toContain(bans.email);

    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByRole('row', { name: /Tampereen joulu.*Audience computed/ }).waitFor();
    await expectAccessible(page, 'the campaign list');
    expect(pageProblems(page)).toEqual([]);
  });

  it('is marketing’s and the admin’s: customer service may not open the campaigns', async () => {
    const page = await newPage(browser);
    await signIn(page, api.url, 'customer-service');
    expect(await page.getByRole('link', { name: 'Campaigns' }).count()).toBe(0);
    await page.goto(`${api.url}/marketing`);
    await page.getByText('Your role may not see this page.').waitFor();
  });
});
