import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { LocalApi } from '../../infra/local/register.ts';
import { aReceipt, aRegistration, CUSTOMER_SERVICE } from '../support/fixtures.ts';
import { handler as statisticsJob } from '../../functions/jobs/statistics.ts';
import { call, until } from '../support/local-api.ts';
import { computeAndWait } from '../support/campaigns.ts';
import { campaignStore } from '../../shared/store/default-stores.ts';
import type { Campaign } from '../../shared/campaigns/campaign-store.ts';
import { addMonths, helsinkiMonth } from '../../shared/time/helsinki.ts';
import { mailTo } from '../support/mailbox.ts';
import { consoleForThisFile, expectAccessible, newPage, pageProblems, signIn } from '../support/browser.ts';

let api: LocalApi;
const MARKETING = { role: 'marketing' } as const;
let browser: Browser;
consoleForThisFile((started) => ({ api, browser } = started));

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
    // Seven in Tampere: the figures shown are rounded to five, and none is about fewer than five.
    const [stays, bans] = [await aConsentingMember('33100'), await aConsentingMember('33200')];
    for (let i = 0; i < 5; i++) await aConsentingMember('33100');
    await aConsentingMember('00100'); // outside the criteria
    const page = await newPage(browser);
    await signIn(page, api.url, 'marketing');
    await page.getByRole('heading', { name: 'Campaigns', exact: true }).waitFor();

    await page.getByLabel('Campaign name').fill('Tampereen joulu');
    await page.getByLabel('Channel').selectOption('email');
    await page.getByLabel('Postal code begins with').fill('33');
    await page.getByLabel(/^Held out to measure/).fill('0');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('heading', { name: 'Tampereen joulu' }).waitFor();
    await expectAccessible(page, 'a draft campaign');

    await page.getByRole('button', { name: 'Preview the count' }).click();
    const preview = page.getByRole('table', { name: 'Preview: nothing is recorded yet' });
    await preview.getByRole('row', { name: 'Reached 5' }).waitFor();
    await page
      .getByRole('table', { name: /^Every preview/ })
      .getByRole('row', { name: /5 0$/ })
      .waitFor();

    // A ban set after the preview is honoured when the audience is computed.
    await setConsent(bans.customerNumber, 'directMarketingBan', true);
    await page.getByRole('button', { name: 'Compute the audience' }).click();
    await page.getByText('Audience computed').first().waitFor();
    const summary = page.getByRole('table', { name: /^Computed/ });
    await summary.getByRole('row', { name: 'Reached 5' }).waitFor();
    await summary.getByRole('row', { name: 'Left out: direct-marketing ban < 5' }).waitFor();

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

  it('writes a message in two languages, previews it as members get it, computes, sends, and sees it sent', async () => {
    const members = [];
    for (let i = 0; i < 5; i++) members.push(await aConsentingMember('96100'));
    const page = await newPage(browser);
    await signIn(page, api.url, 'marketing');
    await page.getByRole('heading', { name: 'Campaigns', exact: true }).waitFor();
    await page.getByLabel('Campaign name').fill('Rovaniemen joulu');
    await page.getByLabel('Channel').selectOption('email');
    await page.getByLabel('Postal code begins with').fill('961');
    await page.getByLabel(/^Held out to measure/).fill('0');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('heading', { name: 'Rovaniemen joulu' }).waitFor();

    // A merge field the register does not know is refused, naming the field.
    await page.getByLabel('Subject, Finnish').fill('Hei {{etunimi}}');
    await page.getByLabel('Message text, Finnish').fill('Hei {{firstName}}!\nJoulu tulee <b>pian</b>.');
    await page.getByRole('button', { name: 'Save message' }).click();
    await page.getByText(/may name only the merge fields/).waitFor();
    await page.getByLabel('Subject, Finnish').fill('Hei {{firstName}}');
    await page.getByLabel('Subject, Swedish').fill('Hej {{firstName}}');
    await page.getByLabel('Message text, Swedish').fill('Hej {{firstName}}!\nJulen kommer.');
    await page.getByRole('button', { name: 'Save message' }).click();
    const finnish = page.getByRole('article', { name: 'Message preview, Finnish' });
    await finnish.getByText('Hei Liisa', { exact: true }).waitFor();
    // Text stays text: what looks like markup is shown as written, never rendered.
    await finnish.getByText(/Joulu tulee <b>pian<\/b>\./).waitFor();
    await page
      .getByRole('article', { name: 'Message preview, Swedish' })
      .getByText('Hej Liisa', { exact: true })
      .waitFor();
    expect(await page.getByRole('article', { name: 'Message preview, English' }).count()).toBe(0);
    await expectAccessible(page, 'a campaign with its message');

    await page.getByRole('button', { name: 'Compute the audience' }).click();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Messages sent: 5 / 5').waitFor();
    await page.getByText('Sent', { exact: true }).first().waitFor();
    const [mail] = await mailTo(members[0]!.email);
    expect(mail!.subject).toMatch(/^Hej /);
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows what a campaign that went out months ago did, against its holdout, as a chart with its table', async () => {
    const members = [];
    for (let i = 0; i < 20; i++) members.push(await aConsentingMember('97100'));
    const { campaignId } = (
      await call(api, 'POST', '/campaigns', {
        as: MARKETING,
        body: {
          name: 'Lapin syksy',
          channel: 'email',
          holdoutPercent: 50,
          criteria: { postalCodePrefix: '971' },
          content: { fi: { subject: 'Hei', body: 'Syksy tulee.' } },
        },
      })
    ).body;
    await computeAndWait(api, campaignId);
    await call(api, 'POST', `/campaigns/${campaignId}/send`, { as: MARKETING });
    const campaigns = campaignStore();
    const sent = (await until(async () => {
      const campaign = await campaigns.get(campaignId);
      return campaign?.status === 'sent' && campaign;
    }, 'the campaign sent')) as Campaign;
    // As if it went out four months ago (the journeys keep the machine's clock): three months are closed since.
    const wentOut = addMonths(helsinkiMonth(new Date()), -4);
    await campaigns.save(
      {
        ...sent,
        delivery: { ...sent.delivery!, startedAt: `${wentOut}-05T10:00:00.000Z` },
        version: sent.version + 1,
      },
      sent.version,
    );
    const held: string[] = [];
    for await (const page of campaigns.heldOut(campaignId, 100)) held.push(...page);
    const purchasedAt = `${addMonths(wentOut, 1)}-15T12:00:00+02:00`;
    for (const { customerNumber } of members) {
      const amountCents = held.includes(customerNumber) ? 1_000 : 5_000;
      await call(api, 'POST', '/purchases', {
        as: { role: 'pos' },
        body: aReceipt(customerNumber, { purchasedAt, lines: [{ mainGroup: 'food', amountCents }] }),
      });
    }

    const page = await newPage(browser);
    await signIn(page, api.url, 'marketing');
    await page.goto(`${api.url}/marketing/${campaignId}`);
    const results = page.getByRole('region', { name: 'What the campaign did' });
    const table = results.getByRole('table', { name: /^Purchases per member/ });
    await table.getByRole('row', { name: /^Food and delicatessen 50,00 € 10,00 € 40,00 €/ }).waitFor();
    await results.getByRole('img', { name: /^Purchases per member/ }).waitFor();
    await expectAccessible(page, 'a campaign’s result');
    expect(pageProblems(page)).toEqual([]);
  });

  it('lets the admin put email on the own-customer exception, which marketing sees and may not change', async () => {
    const page = await newPage(browser);
    await signIn(page, api.url, 'admin');
    await page.getByRole('link', { name: 'Campaigns' }).click();
    const footing = page.getByRole('table', { name: /^What audiences computed from now on/ });
    await footing.getByRole('row', { name: 'Email The member’s consent' }).waitFor();
    await page.getByLabel('Own-customer exception for email').check();
    await page.getByRole('button', { name: 'Save the footing' }).click();
    await footing.getByRole('row', { name: /^Email Own customers unless they refused/ }).waitFor();
    await footing.getByRole('row', { name: 'Text message The member’s consent' }).waitFor();
    await expectAccessible(page, 'the footing of each channel');
    expect(pageProblems(page)).toEqual([]);

    const marketing = await newPage(browser);
    await signIn(marketing, api.url, 'marketing');
    const seen = marketing.getByRole('table', { name: /^What audiences computed from now on/ });
    await seen.getByRole('row', { name: /^Email Own customers unless they refused/ }).waitFor();
    expect(await marketing.getByLabel('Own-customer exception for email').count()).toBe(0);

    // A person joining is offered the refusal for email (the consent for text messages as before), and a tick records it.
    const joining = await newPage(browser);
    await signIn(joining, api.url, 'member', { email: `own.${Date.now()}@example.fi` });
    const join = joining.getByRole('region', { name: 'Join as a new member' });
    await join.getByText(/As our customer you may get offers/).waitFor();
    await join.getByLabel('Surname').fill('Oma');
    await join.getByLabel('First names').fill('Asiakas');
    await join.getByLabel('Date of birth').fill('1991-02-03');
    await join.getByLabel('No, thank you: Marketing by email').check();
    expect(await join.getByLabel('Marketing by text message', { exact: true }).count()).toBe(1);
    await join.getByRole('button', { name: 'Join' }).click();
    await joining.getByRole('heading', { name: /Oma/ }).waitFor();
    const n = /\/member\/(\d{10})/.exec(joining.url())![1]!;
    const consents = (await call(api, 'GET', `/members/${n}/consents`, { as: CUSTOMER_SERVICE })).body
      .consents as { purpose: string; granted: boolean }[];
    expect(consents.find((c) => c.purpose === 'marketing.email')).toMatchObject({ granted: false });
    expect(consents.find((c) => c.purpose === 'marketing.sms')).toMatchObject({ granted: false });
    expect(pageProblems(joining)).toEqual([]);
    // Back to consent, as the other journeys expect.
    await page.getByLabel('Own-customer exception for email').uncheck();
    await page.getByRole('button', { name: 'Save the footing' }).click();
    await footing.getByRole('row', { name: 'Email The member’s consent' }).waitFor();
  });

  it('is marketing’s and the admin’s: customer service may not open the campaigns', async () => {
    const page = await newPage(browser);
    await signIn(page, api.url, 'customer-service');
    expect(await page.getByRole('link', { name: 'Campaigns' }).count()).toBe(0);
    await page.goto(`${api.url}/marketing`);
    await page.getByText('Your role may not see this page.').waitFor();
  });

  it('shows an admin the register’s figures as charts with their tables, and marketing only its own', async () => {
    // Enough members in each postal area that no figure is suppressed.
    for (let i = 0; i < 10; i++) await aConsentingMember(i % 2 ? '33100' : '00100');
    await statisticsJob();
    const admin = await newPage(browser);
    await signIn(admin, api.url, 'admin');
    await admin.getByRole('link', { name: 'Figures' }).click();
    await admin.getByRole('heading', { name: 'Members by language' }).waitFor();
    // Each table has its chart: a canvas Chart.js drew on, named for the screen reader.
    const chart = admin.getByRole('img', {
      name: 'Members by postal area (first two digits; areas of fewer than five together)',
    });
    await chart.waitFor();
    const painted = await chart.evaluate((element) => {
      const canvas = element as unknown as {
        width: number;
        height: number;
        getContext(kind: '2d'): {
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        };
      };
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      return data.filter((_, i) => i % 4 === 3 && data[i] !== 0).length;
    });
    expect(painted).toBeGreaterThan(100);
    await admin.getByRole('row', { name: /^33 \d+$/ }).waitFor();
    await admin.getByRole('link', { name: 'Cards' }).click();
    await admin.getByRole('heading', { name: 'Cards by type and status' }).waitFor();
    await expectAccessible(admin, 'the figures');
    expect(pageProblems(admin)).toEqual([]);

    const marketing = await newPage(browser);
    await signIn(marketing, api.url, 'marketing');
    await marketing.getByRole('link', { name: 'Figures' }).click();
    await marketing.getByRole('heading', { name: 'Members by language' }).waitFor();
    expect(await marketing.getByRole('link', { name: 'Cards' }).count()).toBe(0);
    await marketing.goto(`${api.url}/figures/cards`);
    await marketing.getByText('This report is not for your role').waitFor();
  });
});
