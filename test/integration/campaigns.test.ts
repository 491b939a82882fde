import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { LocalApi } from '../../infra/local/register.ts';
import { bucketName, createS3Client } from '../../shared/store/exchange-bucket.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { computeAndWait } from '../support/campaigns.ts';
import { computeAudience, startAudience } from '../../shared/campaigns/audience.ts';
import type { JobRequest } from '../../shared/jobs/job-requests.ts';
import type { CampaignStore } from '../../shared/campaigns/campaign-store.ts';
import { campaignStore, memberStore, purchaseStore } from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';
import { ADMIN, aReceipt, aRegistration, CUSTOMER_SERVICE, POS, setFlags } from '../support/fixtures.ts';

let api: LocalApi;
const MARKETING = { role: 'marketing' } as const;
const MARKETING_CALLER = { actor: 'test', role: 'marketing', via: 'test', requestId: 'test' } as const;
const members: Record<string, string> = {};
const CHANNELS = ['marketing.email', 'marketing.sms', 'marketing.post'];

const consent = (n: string, purpose: string, granted: boolean) =>
  call(api, 'PUT', `/members/${n}/consents/${purpose}`, {
    as: CUSTOMER_SERVICE,
    body: { granted, source: 'store', noticeVersion: '2026.1' },
  });
const campaign = async (channel: string, criteria?: object) =>
  (
    await call(api, 'POST', '/campaigns', {
      as: MARKETING,
      body: { name: `Joulu ${channel}`, channel, ...(criteria ? { criteria } : {}) },
    })
  ).body;
const audienceOf = async (campaignId: string) =>
  (
    (await call(api, 'GET', `/campaigns/${campaignId}/audience`, { as: MARKETING })).body.audience as {
      customerNumber: string;
    }[]
  )
    .map((r) => r.customerNumber)
    .sort();
const named = (...names: string[]) => names.map((name) => members[name]!).sort();

beforeAll(async () => {
  api = await startTestApi();
  const kinds = [
    'reachable',
    'directMarketingBan',
    'noConsent',
    'withdrawn',
    'deceased',
    'protected',
    'addressDisclosureBan',
    'restricted',
  ];
  for (const kind of kinds) {
    const n = (
      await call(api, 'POST', '/members', {
        as: CUSTOMER_SERVICE,
        body: aRegistration({ postalCode: '00100' }),
      })
    ).body.customerNumber;
    members[kind] = n;
    if (kind === 'noConsent') continue;
    for (const purpose of CHANNELS) await consent(n, purpose, true);
    if (kind === 'withdrawn') for (const purpose of CHANNELS) await consent(n, purpose, false);
    if (kind === 'directMarketingBan' || kind === 'addressDisclosureBan') await consent(n, kind, true);
    if (kind === 'deceased') await setFlags(n, { deceased: true });
    if (kind === 'protected') await setFlags(n, { protectedAddress: true });
    if (kind === 'restricted') await setFlags(n, { restricted: true });
  }
});
afterAll(() => api.stop());

describe('campaigns never reach the wrong member', () => {
  it.each([
    ['email', ['reachable', 'protected', 'addressDisclosureBan']],
    ['sms', ['reachable', 'protected', 'addressDisclosureBan']],
    ['post', ['reachable']],
  ])('a %s campaign reaches only %j, and counts why each other was left out', async (channel, expected) => {
    const { campaignId } = await campaign(channel);
    const summary = await computeAndWait(api, campaignId);
    expect(await audienceOf(campaignId)).toEqual(named(...expected));
    expect(summary.reached).toBe(expected.length);
    expect(summary.excluded).toMatchObject({
      'direct-marketing-ban': 1,
      deceased: 1,
      restricted: 1,
      'consent-withdrawn': 1,
    });
    if (channel === 'post')
      expect(summary.excluded).toMatchObject({ 'protected-address': 1, 'address-disclosure-ban': 1 });
  });

  it('gives only the contact field the channel needs, and honours a ban set after the audience was computed', async () => {
    const { campaignId } = await campaign('sms');
    await computeAndWait(api, campaignId);
    const rows = (await call(api, 'GET', `/campaigns/${campaignId}/audience`, { as: MARKETING })).body
      .audience;
    expect(Object.keys(rows[0]).sort()).toEqual(['customerNumber', 'firstNames', 'mobile', 'surname']);
    await consent(members.protected!, 'directMarketingBan', true);
    expect(await audienceOf(campaignId)).toEqual(named('reachable', 'addressDisclosureBan'));
    const csv = (await call(api, 'GET', `/campaigns/${campaignId}/audience?format=csv`, { as: MARKETING }))
      .text;
    expect(csv.split('\n')[0]).toBe('customerNumber;surname;firstNames;mobile');
    expect(parse(csv, { columns: true, delimiter: ';' })).toHaveLength(2);
    await consent(members.protected!, 'directMarketingBan', false);
  });

  it('shows the member what marketing read of them for a campaign, once; a computed campaign is not computed again', async () => {
    const { campaignId } = await campaign('sms');
    await computeAndWait(api, campaignId);
    const again = await call(api, 'POST', `/campaigns/${campaignId}/audience`, { as: MARKETING });
    expect(again.status).toBe(409);
    const n = members.reachable!;
    const viewed = (
      await call(api, 'GET', `/members/${n}/audit`, { as: { role: 'member', customerNumber: n } })
    ).body;
    expect(viewed.campaignReads.filter((r: { campaignId: string }) => r.campaignId === campaignId)).toEqual([
      { at: expect.any(String), campaignId, channel: 'sms', fields: ['surname', 'firstNames', 'mobile'] },
    ]);
    // Customer service sees the campaigns that reached the member with their consents.
    const marketingData = (await call(api, 'GET', `/members/${n}/consents`, { as: CUSTOMER_SERVICE })).body;
    expect(marketingData.contacts).toContainEqual({ campaignId, channel: 'sms', at: expect.any(String) });
    // A member the campaign left out was not read for it.
    const banned = members.directMarketingBan!;
    const theirs = (await call(api, 'GET', `/members/${banned}/audit`, { as: ADMIN })).body;
    expect(theirs.campaignReads).toEqual([]);
  });

  it('exports a post campaign to S3 for the mailing house, with each address’s source', async () => {
    const { campaignId } = await campaign('post');
    await computeAndWait(api, campaignId);
    const object = await createS3Client().send(
      new GetObjectCommand({ Bucket: bucketName(), Key: `marketing/exports/${campaignId}.csv` }),
    );
    const rows = parse(await object.Body!.transformToString('utf8'), {
      columns: true,
      delimiter: ';',
    }) as Record<string, string>[];
    expect(rows.map((r) => r.customerNumber)).toEqual(named('reachable'));
    expect(rows[0]).toMatchObject({ postalCode: '00100', addressSource: 'customer-service' });
  });

  it('targets by purchase totals only members who allowed profiling', async () => {
    const n = members.reachable!;
    await call(api, 'POST', '/purchases', {
      as: POS,
      body: aReceipt(n, { lines: [{ mainGroup: 'beauty', amountCents: 10000 }] }),
    });
    const criteria = { purchases: { mainGroup: 'beauty', from: '2026-01', to: '2026-12', minCents: 5000 } };
    const before = await campaign('email', criteria);
    const without = await computeAndWait(api, before.campaignId);
    expect(without.excluded['no-profiling-consent']).toBe(3);
    expect(without.reached).toBe(0);
    await consent(n, 'profiling', true);
    const after = await campaign('email', criteria);
    expect((await computeAndWait(api, after.campaignId)).reached).toBe(1);
    expect(await audienceOf(after.campaignId)).toEqual([n]);
  });

  it('keeps campaigns to marketing and admin', async () => {
    expect(
      (await call(api, 'POST', '/campaigns', { as: CUSTOMER_SERVICE, body: { name: 'x', channel: 'email' } }))
        .status,
    ).toBe(403);
    expect((await call(api, 'GET', '/campaigns/C-000000000000/audience', { as: MARKETING })).status).toBe(
      404,
    );
  });
});

describe('a campaign’s life', () => {
  it('is listed newest first, read, edited while a draft, previewed, computed and closed', async () => {
    const older = await campaign('email');
    const newer = await campaign('sms', { language: 'sv' });
    const listed = (await call(api, 'GET', '/campaigns', { as: MARKETING })).body.campaigns as {
      campaignId: string;
    }[];
    const ids = listed.map((c) => c.campaignId);
    expect(ids.indexOf(newer.campaignId)).toBeLessThan(ids.indexOf(older.campaignId));
    expect((await call(api, 'GET', `/campaigns/${newer.campaignId}`, { as: MARKETING })).body).toMatchObject({
      status: 'draft',
      channel: 'sms',
      criteria: { language: 'sv' },
    });
    const edited = await call(api, 'PATCH', `/campaigns/${newer.campaignId}`, {
      as: MARKETING,
      body: { name: 'Joulu tekstiviesti', criteria: {} },
    });
    expect(edited.body).toMatchObject({ name: 'Joulu tekstiviesti', criteria: {} });

    // The preview counts as computing does, and records nothing.
    const preview = (await call(api, 'GET', `/campaigns/${newer.campaignId}/preview`, { as: MARKETING }))
      .body;
    expect(await audienceOf(newer.campaignId)).toEqual([]);
    const summary = await computeAndWait(api, newer.campaignId);
    expect(summary).toMatchObject(preview);

    const late = await call(api, 'PATCH', `/campaigns/${newer.campaignId}`, {
      as: MARKETING,
      body: { name: 'Myöhään' },
    });
    expect(late.status).toBe(409);
    expect(late.body.type).toBe('https://moymore.fi/problems/campaign-state');
    expect(
      (await call(api, 'POST', `/campaigns/${newer.campaignId}/close`, { as: MARKETING })).body.status,
    ).toBe('closed');
    expect(
      (await call(api, 'POST', `/campaigns/${newer.campaignId}/audience`, { as: MARKETING })).status,
    ).toBe(409);
  });

  it('pages the list with a cursor that cannot be borrowed', async () => {
    for (let i = 0; i < 21; i++) await campaign('email');
    const first = (await call(api, 'GET', '/campaigns', { as: MARKETING })).body;
    expect(first.campaigns).toHaveLength(20);
    const second = (await call(api, 'GET', `/campaigns?cursor=${first.next}`, { as: MARKETING })).body;
    expect(second.campaigns.length).toBeGreaterThan(0);
    const forged = Buffer.from(
      JSON.stringify({ pk: 'x', sk: 'y', gsi1pk: 'AUDIENCE#marketing.sms', gsi1sk: '1' }),
    ).toString('base64url');
    expect((await call(api, 'GET', `/campaigns?cursor=${forged}`, { as: MARKETING })).status).toBe(400);
  });

  it('records each contact once when the work is retried after it stopped midway', async () => {
    const { campaignId } = await campaign('email');
    const real = campaignStore();
    // The first run dies after recording a page's contacts, before saving its progress.
    let failOnce = true;
    const dying: CampaignStore = Object.assign(Object.create(Object.getPrototypeOf(real)), real, {
      save: async (...args: Parameters<CampaignStore['save']>) => {
        if (args[0].status === 'computing' && args[2] !== undefined && failOnce) {
          failOnce = false;
          throw new Error('the run died');
        }
        return real.save(...args);
      },
    });
    await startAudience(campaignId, MARKETING_CALLER, {
      campaigns: real,
      jobs: { request: async () => undefined },
    });
    const deps = {
      campaigns: dying,
      members: memberStore(),
      purchases: purchaseStore(),
      bucket: exchangeBucket(),
    };
    await expect(computeAudience(campaignId, deps)).rejects.toThrow('the run died');
    const summary = (await computeAudience(campaignId, deps))!;
    expect(summary.reached).toBe(3);
    const contacts: string[] = [];
    for await (const page of real.contacts(campaignId, 100)) contacts.push(...page);
    expect(contacts.sort()).toEqual(named('reachable', 'protected', 'addressDisclosureBan'));
    // A run that comes late (Lambda's retry of one that finished) changes nothing.
    expect(await computeAudience(campaignId, deps)).toBeUndefined();
  });

  it('asks for the job with the campaign and who asked; unasked, it is a draft again; stalled, it may start again', async () => {
    const { campaignId } = await campaign('email');
    const campaigns = campaignStore();
    const refused = { request: async () => Promise.reject(new Error('the table is busy')) };
    await expect(startAudience(campaignId, MARKETING_CALLER, { campaigns, jobs: refused })).rejects.toThrow();
    expect((await campaigns.get(campaignId))!.status).toBe('draft');

    const asked: JobRequest[] = [];
    const jobs = { request: async (request: JobRequest) => void asked.push(request) };
    const started = new Date('2026-11-26T08:00:00Z');
    await startAudience(campaignId, MARKETING_CALLER, { campaigns, jobs }, started);
    expect(asked).toEqual([
      {
        job: 'campaign-audience',
        input: { campaignId },
        requestedBy: { actor: 'test', role: 'marketing', requestId: 'test' },
      },
    ]);
    // While a run may still be working on it, it is not started twice…
    const soon = new Date(started.getTime() + 60 * 60 * 1000);
    await expect(startAudience(campaignId, MARKETING_CALLER, { campaigns, jobs }, soon)).rejects.toThrow(
      'The campaign is computing',
    );
    // …but when no run has saved it for longer than Lambda retries, it is asked for again.
    const stalled = new Date(started.getTime() + 8 * 60 * 60 * 1000);
    expect((await startAudience(campaignId, MARKETING_CALLER, { campaigns, jobs }, stalled)).status).toBe(
      'computing',
    );
    expect(asked).toHaveLength(2);
  });
});
