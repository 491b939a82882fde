import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { campaignStore } from '../../shared/store/default-stores.ts';
import { publishedCount } from '../../shared/disclosure.ts';
import { computeAndWait } from '../support/campaigns.ts';
import { setClock, TEST_DAY } from '../support/clock.ts';
import { aReceipt, aRegistration, CUSTOMER_SERVICE, POS } from '../support/fixtures.ts';
import { call, startTestApi, until } from '../support/local-api.ts';
import { sentMail } from '../support/mailbox.ts';

let api: LocalApi;
const MARKETING = { role: 'marketing' } as const;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const results = async (campaignId: string) =>
  (await call(api, 'GET', `/campaigns/${campaignId}/results`, { as: MARKETING })).body;

describe('what a campaign did, against its holdout', () => {
  it('keeps a random share out of the campaign and compares their purchases in the months after it went out', async () => {
    setClock(TEST_DAY);
    const members: { customerNumber: string; email: string }[] = [];
    for (let i = 0; i < 40; i++) {
      const registration = aRegistration({ postalCode: '00200', language: 'fi' });
      const n = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: registration })).body
        .customerNumber as string;
      await call(api, 'PUT', `/members/${n}/consents/marketing.email`, {
        as: CUSTOMER_SERVICE,
        body: { granted: true, source: 'store', noticeVersion: '2026.1' },
      });
      members.push({ customerNumber: n, email: registration.email });
    }
    const created = await call(api, 'POST', '/campaigns', {
      as: MARKETING,
      body: {
        name: 'Joulu',
        channel: 'email',
        holdoutPercent: 50,
        content: { fi: { subject: 'Hei', body: 'Joulu tulee.' } },
      },
    });
    expect(created.body.holdoutPercent).toBe(50);
    const { campaignId } = created.body;
    expect((await results(campaignId)).status).toBe('not-sent');
    const summary = await computeAndWait(api, campaignId);
    const held: string[] = [];
    for await (const page of campaignStore().heldOut(campaignId, 100)) held.push(...page);
    const audience = (
      (await call(api, 'GET', `/campaigns/${campaignId}/audience`, { as: MARKETING })).body.audience as {
        customerNumber: string;
      }[]
    ).map((row) => row.customerNumber);
    // Two disjoint groups that together are everyone reached, both big enough to show.
    expect(audience.length + held.length).toBe(40);
    expect(audience.filter((n) => held.includes(n))).toEqual([]);
    expect(Math.min(audience.length, held.length)).toBeGreaterThanOrEqual(5);
    expect(summary.heldOut).toBe(publishedCount(held.length));

    await call(api, 'POST', `/campaigns/${campaignId}/send`, { as: MARKETING });
    await until(
      async () =>
        (await call(api, 'GET', `/campaigns/${campaignId}`, { as: MARKETING })).body.status === 'sent',
      'the campaign sent',
    );
    const mailed = new Set((await sentMail()).flatMap((mail) => mail.destination.to));
    for (const member of members)
      expect(mailed.has(member.email), member.customerNumber).toBe(!held.includes(member.customerNumber));
    // A held-out member sees the campaign held them out, and that marketing never read them for it.
    const contactsOf = async (n: string) =>
      (await call(api, 'GET', `/members/${n}/consents`, { as: CUSTOMER_SERVICE })).body.contacts as {
        campaignId: string;
        heldOut?: boolean;
      }[];
    const readsOf = async (n: string) =>
      (
        (await call(api, 'GET', `/members/${n}/audit`, { as: { role: 'member', customerNumber: n } })).body
          .campaignReads as { campaignId: string }[]
      ).map((read) => read.campaignId);
    expect(await contactsOf(held[0]!)).toContainEqual(expect.objectContaining({ campaignId, heldOut: true }));
    expect(await readsOf(held[0]!)).not.toContain(campaignId);
    expect(await contactsOf(audience[0]!)).toContainEqual(expect.not.objectContaining({ heldOut: true }));
    expect(await readsOf(audience[0]!)).toContain(campaignId);
    expect(await results(campaignId)).toEqual({ status: 'waiting', from: '2026-12' });

    // December's purchases: those the campaign reached bought more food, and beauty every other one.
    setClock('2026-12-15T12:00:00+02:00');
    for (const [i, n] of audience.entries()) {
      const lines = [{ mainGroup: 'food', amountCents: 10_000 }];
      if (i % 2 === 0) lines.push({ mainGroup: 'beauty', amountCents: 2_000 });
      expect(
        (
          await call(api, 'POST', '/purchases', {
            as: POS,
            body: aReceipt(n, { purchasedAt: '2026-12-10T12:00:00+02:00', lines }),
          })
        ).status,
      ).toBe(201);
    }
    for (const n of held)
      await call(api, 'POST', '/purchases', {
        as: POS,
        body: aReceipt(n, {
          purchasedAt: '2026-12-10T12:00:00+02:00',
          lines: [{ mainGroup: 'food', amountCents: 2_000 }],
        }),
      });
    // Not before December has closed.
    expect((await results(campaignId)).status).toBe('waiting');
    setClock('2027-01-05T10:00:00+02:00');
    const measured = await results(campaignId);
    expect(measured).toMatchObject({ status: 'measured', from: '2026-12', to: '2026-12' });
    const group = (code: string) =>
      (
        measured.groups as {
          mainGroup: string;
          differenceCents: number;
          lowCents: number;
          highCents: number;
        }[]
      ).find((g) => g.mainGroup === code)!;
    expect(group('food')).toMatchObject({ differenceCents: 8_000, lowCents: 8_000, highCents: 8_000 });
    const beauty = group('beauty');
    expect(beauty.differenceCents).toBe(
      Math.round((Math.ceil(audience.length / 2) * 2_000) / audience.length),
    );
    expect(beauty.lowCents).toBeLessThan(beauty.differenceCents);
    expect(beauty.highCents).toBeGreaterThan(beauty.differenceCents);
    expect(group('electronics')).toMatchObject({ differenceCents: 0, lowCents: 0, highCents: 0 });
    setClock(TEST_DAY);
  });

  it('has nothing to compare when nobody was held out', async () => {
    const { campaignId } = (
      await call(api, 'POST', '/campaigns', {
        as: MARKETING,
        body: { name: 'Ilman', channel: 'post', holdoutPercent: 0, criteria: { postalCodePrefix: '00200' } },
      })
    ).body;
    await computeAndWait(api, campaignId);
    expect(await results(campaignId)).toEqual({ status: 'no-holdout' });
  });
});
