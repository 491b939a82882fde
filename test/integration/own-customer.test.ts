import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { computeAndWait } from '../support/campaigns.ts';
import { ADMIN, aRegistration, CUSTOMER_SERVICE } from '../support/fixtures.ts';
import { call, startTestApi, until } from '../support/local-api.ts';
import { mailTo, sentMail } from '../support/mailbox.ts';

let api: LocalApi;
const MARKETING = { role: 'marketing' } as const;
const CONTENT = { fi: { subject: 'Joulu', body: 'Hei {{firstName}}! Joulun tarjoukset.' } };

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const settings = (email: boolean, sms = false) =>
  call(api, 'PUT', '/marketing-settings', {
    as: ADMIN,
    body: { ownCustomerException: { email, sms } },
  });

/** Members of a postal area of their own: each answered the email consent as given, or never. */
async function members(postalCode: string, answers: readonly (boolean | undefined)[]) {
  const registered: { customerNumber: string; email: string }[] = [];
  for (const answer of answers) {
    const registration = aRegistration({ postalCode });
    const n = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: registration })).body
      .customerNumber as string;
    if (answer !== undefined)
      await call(api, 'PUT', `/members/${n}/consents/marketing.email`, {
        as: CUSTOMER_SERVICE,
        body: { granted: answer, source: 'store', noticeVersion: '2026.1' },
      });
    registered.push({ customerNumber: n, email: registration.email });
  }
  return registered;
}

async function computed(postalCodePrefix: string) {
  const { campaignId } = (
    await call(api, 'POST', '/campaigns', {
      as: MARKETING,
      body: {
        name: `Omat asiakkaat ${Date.now()}`,
        channel: 'email',
        criteria: { postalCodePrefix },
        holdoutPercent: 0,
        content: CONTENT,
      },
    })
  ).body;
  const summary = await computeAndWait(api, campaignId);
  const campaign = (await call(api, 'GET', `/campaigns/${campaignId}`, { as: MARKETING })).body;
  const audience =
    summary.status === 'computed'
      ? ((await call(api, 'GET', `/campaigns/${campaignId}/audience`, { as: MARKETING })).body.audience as {
          customerNumber: string;
        }[])
      : [];
  return { campaignId, campaign, reached: audience.map((row) => row.customerNumber) };
}

const noticePurposes = async () =>
  (
    (await call(api, 'GET', '/privacy-notice?lang=en&format=json')).body.sections as {
      id: string;
      items: string[];
    }[]
  ).find((section) => section.id === 'purposes')!.items;

describe('the own-customer exception', () => {
  it('is the admin’s to turn on per channel, with every change kept; marketing reads it', async () => {
    expect((await settings(true)).status).toBe(200);
    const byMarketing = await call(api, 'PUT', '/marketing-settings', {
      as: MARKETING,
      body: { ownCustomerException: { email: true, sms: true } },
    });
    expect(byMarketing.status).toBe(403);
    const invalid = await call(api, 'PUT', '/marketing-settings', {
      as: ADMIN,
      body: { ownCustomerException: { email: 'yes' } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'ownCustomerException.email',
      'ownCustomerException.sms',
    ]);
    expect((await settings(false)).status).toBe(200);
    const read = (await call(api, 'GET', '/marketing-settings', { as: MARKETING })).body;
    expect(read.ownCustomerException).toEqual({ email: false, sms: false });
    expect(read.footing).toEqual({ email: 'consent', sms: 'consent', post: 'legitimate-interest' });
    expect(read.history.length).toBeGreaterThanOrEqual(2);
    // Who set each version is the admin's to see.
    expect(read.history.every((version: object) => !('setBy' in version))).toBe(true);
    const admins = (await call(api, 'GET', '/marketing-settings', { as: ADMIN })).body;
    expect(admins.history[0].setBy).toBeDefined();
  });

  it('reaches own customers who never answered, never one who refused; the notice says so; off again, consent rules', async () => {
    const [never1, never2, never3, never4, refused, granted, granted2] = await members('45100', [
      undefined,
      undefined,
      undefined,
      undefined,
      false,
      true,
      true,
    ]);
    // Consent, the default: only those who granted it.
    expect((await settings(false)).status).toBe(200);
    const onConsent = await computed('45100');
    expect(onConsent.campaign.footing).toBe('consent');
    expect(onConsent.campaign.status).toBe('too-small');
    expect(await noticePurposes()).toContainEqual(
      expect.stringMatching(/^Direct marketing with your consent \(email, text message\)/),
    );

    expect((await settings(true)).status).toBe(200);
    const onException = await computed('45100');
    expect(onException.campaign.footing).toBe('own-customer');
    expect(onException.reached.sort()).toEqual(
      [never1, never2, never3, never4, granted, granted2].map((m) => m!.customerNumber).sort(),
    );
    expect(onException.campaign.summary.excluded).toHaveProperty('refused');
    expect(await noticePurposes()).toContainEqual(
      expect.stringMatching(/own similar products to its customers \(email\) without a consent/),
    );
    expect(await noticePurposes()).toContainEqual(
      expect.stringMatching(/^Direct marketing with your consent \(text message\)/),
    );

    // Sent: a member who never answered gets the message with its one-click refusal, and using it keeps them out.
    await call(api, 'POST', `/campaigns/${onException.campaignId}/send`, { as: MARKETING });
    const [mail] = await mailTo(never1!.email);
    const link = mail!.headers!.find((h) => h.name === 'List-Unsubscribe')!.value.slice(1, -1);
    const clicked = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(clicked.status).toBe(200);
    await until(
      async () =>
        (await call(api, 'GET', `/campaigns/${onException.campaignId}`, { as: MARKETING })).body.status ===
        'sent',
      'the campaign sent',
    );
    const later = await computed('45100');
    expect(later.reached).toHaveLength(5);
    expect(later.reached).not.toContain(never1!.customerNumber);
    expect(later.reached).not.toContain(refused!.customerNumber);

    // Turned off: the next audience is on consent again; the campaign computed on the exception keeps its footing.
    expect((await settings(false)).status).toBe(200);
    expect((await computed('45100')).campaign.footing).toBe('consent');
    expect(
      (await call(api, 'GET', `/campaigns/${onException.campaignId}`, { as: MARKETING })).body.footing,
    ).toBe('own-customer');

    // Computed on the exception, sent after it was turned off: only those who consented get it.
    expect((await settings(true)).status).toBe(200);
    const computedOn = await computed('45100');
    expect(computedOn.reached).toContain(never2!.customerNumber);
    expect((await settings(false)).status).toBe(200);
    await call(api, 'POST', `/campaigns/${computedOn.campaignId}/send`, { as: MARKETING });
    await until(
      async () =>
        (await call(api, 'GET', `/campaigns/${computedOn.campaignId}`, { as: MARKETING })).body.status ===
        'sent',
      'the campaign sent',
    );
    const to = async (address: string) =>
      (await sentMail()).filter((mail) => mail.destination.to.includes(address)).length;
    expect(await to(granted!.email)).toBe(2);
    expect(await to(never2!.email)).toBe(1);
  });
});
