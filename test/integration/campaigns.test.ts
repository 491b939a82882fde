import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { LocalApi } from '../../infra/local/register.ts';
import { bucketName, createS3Client } from '../../shared/store/exchange-bucket.ts';
import { call, startTestApi, until } from '../support/local-api.ts';
import { computeAndWait } from '../support/campaigns.ts';
import { computeAudience, startAudience } from '../../shared/campaigns/compute-audience.ts';
import type { JobRequest } from '../../shared/jobs/job-requests.ts';
import type { CampaignStore } from '../../shared/campaigns/campaign-store.ts';
import {
  campaignStore,
  marketingSettingsStore,
  memberStore,
  purchaseStore,
} from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';
import { ADMIN, aReceipt, aRegistration, CUSTOMER_SERVICE, POS, setFlags } from '../support/fixtures.ts';

let api: LocalApi;
const MARKETING = { role: 'marketing' } as const;
const MARKETING_CALLER = { actor: 'test', role: 'marketing', via: 'test', requestId: 'test' } as const;
/** Five members of each kind, so that every figure about them may be shown. */
const members: Record<string, string[]> = {};
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
      // Nobody held out: these tests count whom the audience reaches.
      body: { name: `Joulu ${channel}`, channel, holdoutPercent: 0, ...(criteria ? { criteria } : {}) },
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
const named = (...kinds: string[]) => kinds.flatMap((kind) => members[kind]!).sort();

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
    members[kind] = [];
    for (let i = 0; i < 5; i++) {
      const n = (
        await call(api, 'POST', '/members', {
          as: CUSTOMER_SERVICE,
          body: aRegistration({ postalCode: '00100' }),
        })
      ).body.customerNumber;
      members[kind].push(n);
      if (kind === 'noConsent') continue;
      for (const purpose of CHANNELS) await consent(n, purpose, true);
      if (kind === 'withdrawn') for (const purpose of CHANNELS) await consent(n, purpose, false);
      if (kind === 'directMarketingBan' || kind === 'addressDisclosureBan') await consent(n, kind, true);
      if (kind === 'deceased') await setFlags(n, { deceased: true });
      if (kind === 'protected') await setFlags(n, { protectedAddress: true });
      if (kind === 'restricted') await setFlags(n, { restricted: true });
    }
  }
});
afterAll(() => api.stop());

describe('campaigns never reach the wrong member', () => {
  it.each([
    ['email', ['reachable', 'protected', 'addressDisclosureBan']],
    ['sms', ['reachable', 'protected', 'addressDisclosureBan']],
    // Post needs no consent (legitimate interest): only the ban, and what keeps an address in, keep a member out.
    ['post', ['reachable', 'noConsent', 'withdrawn']],
  ])('a %s campaign reaches only %j, and counts why each other was left out', async (channel, expected) => {
    const { campaignId } = await campaign(channel);
    const summary = await computeAndWait(api, campaignId);
    expect(await audienceOf(campaignId)).toEqual(named(...expected));
    expect(summary.reached).toBe(5 * expected.length);
    expect(summary.excluded).toMatchObject({ 'direct-marketing-ban': 5, deceased: 5, restricted: 5 });
    if (channel === 'post') {
      expect(summary.excluded).toMatchObject({ 'protected-address': 5, 'address-disclosure-ban': 5 });
      expect(summary.excluded).not.toHaveProperty('no-consent');
      expect(summary.excluded).not.toHaveProperty('consent-withdrawn');
    } else expect(summary.excluded).toMatchObject({ 'consent-withdrawn': 5 });
    // Every reason the channel can give is listed, and none tells a count under five, not even none.
    expect(summary.excluded.leaving).toBe('< 5');
  });

  it('gives only the contact field the channel needs, and honours a ban set after the audience was computed', async () => {
    const { campaignId } = await campaign('sms');
    await computeAndWait(api, campaignId);
    const rows = (await call(api, 'GET', `/campaigns/${campaignId}/audience`, { as: MARKETING })).body
      .audience;
    expect(Object.keys(rows[0]).sort()).toEqual(['customerNumber', 'firstNames', 'mobile', 'surname']);
    for (const n of members.protected!) await consent(n, 'directMarketingBan', true);
    expect(await audienceOf(campaignId)).toEqual(named('reachable', 'addressDisclosureBan'));
    const csv = (await call(api, 'GET', `/campaigns/${campaignId}/audience?format=csv`, { as: MARKETING }))
      .text;
    expect(csv.split('\n')[0]).toBe('customerNumber;surname;firstNames;mobile');
    expect(parse(csv, { columns: true, delimiter: ';' })).toHaveLength(10);
    for (const n of members.protected!) await consent(n, 'directMarketingBan', false);
  });

  it('shows the member what marketing read of them for a campaign, once; a computed campaign is not computed again', async () => {
    const { campaignId } = await campaign('sms');
    await computeAndWait(api, campaignId);
    const again = await call(api, 'POST', `/campaigns/${campaignId}/audience`, { as: MARKETING });
    expect(again.status).toBe(409);
    const n = members.reachable![0]!;
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
    const banned = members.directMarketingBan![0]!;
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
    expect(rows.map((r) => r.customerNumber).sort()).toEqual(named('reachable', 'noConsent', 'withdrawn'));
    expect(rows[0]).toMatchObject({ postalCode: '00100', addressSource: 'customer-service' });
  });

  it('targets by purchase totals only members who allowed profiling', async () => {
    for (const n of members.reachable!)
      await call(api, 'POST', '/purchases', {
        as: POS,
        body: aReceipt(n, { lines: [{ mainGroup: 'beauty', amountCents: 10000 }] }),
      });
    const criteria = { purchases: { mainGroup: 'beauty', from: '2026-01', to: '2026-12', minCents: 5000 } };
    const before = await campaign('email', criteria);
    const without = await computeAndWait(api, before.campaignId);
    expect(without.excluded['no-profiling-consent']).toBe(15);
    expect([without.status, without.reached]).toEqual(['too-small', '< 5']);
    for (const n of members.reachable!) await consent(n, 'profiling', true);
    const after = await campaign('email', criteria);
    expect((await computeAndWait(api, after.campaignId)).reached).toBe(5);
    expect(await audienceOf(after.campaignId)).toEqual(named('reachable'));
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
    const { tooSmall, ...preview } = (
      await call(api, 'GET', `/campaigns/${newer.campaignId}/preview`, { as: MARKETING })
    ).body;
    expect(tooSmall).toBe(false);
    expect(
      (await call(api, 'GET', `/campaigns/${newer.campaignId}/audience`, { as: MARKETING })).status,
    ).toBe(409);
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
        if (args[0].status === 'computing' && args[0].progress!.pages > 0 && failOnce) {
          failOnce = false;
          throw new Error('the run died');
        }
        return real.save(...args);
      },
    });
    await startAudience(campaignId, MARKETING_CALLER, {
      campaigns: real,
      jobs: { request: async () => undefined },
      settings: marketingSettingsStore(),
    });
    const deps = {
      campaigns: dying,
      members: memberStore(),
      purchases: purchaseStore(),
      files: exchangeBucket(),
    };
    await expect(computeAudience(campaignId, deps)).rejects.toThrow('the run died');
    const summary = (await computeAudience(campaignId, deps))!;
    expect(summary.reached).toBe(15);
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
    await expect(
      startAudience(campaignId, MARKETING_CALLER, {
        campaigns,
        jobs: refused,
        settings: marketingSettingsStore(),
      }),
    ).rejects.toThrow();
    expect((await campaigns.get(campaignId))!.status).toBe('draft');

    const asked: JobRequest[] = [];
    const jobs = { request: async (request: JobRequest) => void asked.push(request) };
    const started = new Date('2026-11-26T08:00:00Z');
    await startAudience(
      campaignId,
      MARKETING_CALLER,
      { campaigns, jobs, settings: marketingSettingsStore() },
      started,
    );
    expect(asked).toEqual([
      {
        job: 'campaign-audience',
        input: { campaignId },
        requestedBy: { actor: 'test', role: 'marketing', requestId: 'test' },
      },
    ]);
    // While a run may still be working on it, it is not started twice…
    const soon = new Date(started.getTime() + 60 * 60 * 1000);
    await expect(
      startAudience(
        campaignId,
        MARKETING_CALLER,
        { campaigns, jobs, settings: marketingSettingsStore() },
        soon,
      ),
    ).rejects.toThrow('The campaign is computing');
    // …but when no run has saved it for longer than Lambda retries, it is asked for again.
    const stalled = new Date(started.getTime() + 8 * 60 * 60 * 1000);
    expect(
      (
        await startAudience(
          campaignId,
          MARKETING_CALLER,
          { campaigns, jobs, settings: marketingSettingsStore() },
          stalled,
        )
      ).status,
    ).toBe('computing');
    expect(asked).toHaveLength(2);
  });
});

describe('what marketing’s figures cannot tell', () => {
  it('rounds every count to five and shows no count under five, in the list and the campaign alike', async () => {
    await setFlags(members.reachable![0]!, { restricted: true });
    const { campaignId } = await campaign('email');
    const summary = await computeAndWait(api, campaignId);
    // 14 reached and 6 restricted, as five's multiples.
    expect([summary.reached, summary.excluded.restricted]).toEqual([15, 5]);
    const listed = (await call(api, 'GET', '/campaigns', { as: MARKETING })).body.campaigns.find(
      (c: { campaignId: string }) => c.campaignId === campaignId,
    );
    const { status: _status, ...figures } = summary;
    expect(listed.summary).toEqual(figures);
    const shown = [
      figures.considered,
      figures.reached,
      figures.notMatching,
      ...Object.values(figures.excluded),
    ];
    expect(shown.filter((f) => f !== '< 5' && !(typeof f === 'number' && f >= 5 && f % 5 === 0))).toEqual([]);
    await setFlags(members.reachable![0]!, { restricted: false });
  });

  it('says an audience of fewer than five is too small, and it cannot be computed nor read', async () => {
    const { campaignId } = await campaign('email', { postalCodePrefix: '99' });
    const preview = (await call(api, 'GET', `/campaigns/${campaignId}/preview`, { as: MARKETING })).body;
    expect([preview.reached, preview.tooSmall]).toEqual(['< 5', true]);
    const summary = await computeAndWait(api, campaignId);
    expect([summary.status, summary.reached]).toEqual(['too-small', '< 5']);
    expect((await call(api, 'GET', `/campaigns/${campaignId}/audience`, { as: MARKETING })).status).toBe(409);
    const contacts: string[] = [];
    for await (const page of campaignStore().contacts(campaignId, 100)) contacts.push(...page);
    expect(contacts).toEqual([]);
  });

  it('lets no run of previews find one member’s purchase total, and keeps every preview in the trail', async () => {
    // Six members allowed profiling and bought beauty for 100 €; one of them 37.43 € more.
    const target = members.reachable![0]!;
    await call(api, 'POST', '/purchases', {
      as: POS,
      body: aReceipt(target, { lines: [{ mainGroup: 'beauty', amountCents: 3743 }] }),
    });
    const { campaignId } = await campaign('email');
    const previewAt = async (minCents: number) => {
      await call(api, 'PATCH', `/campaigns/${campaignId}`, {
        as: MARKETING,
        body: { criteria: { purchases: { mainGroup: 'beauty', from: '2026-01', to: '2026-12', minCents } } },
      });
      return (await call(api, 'GET', `/campaigns/${campaignId}/preview`, { as: MARKETING })).body.reached;
    };
    // Bisection between what all and what nobody reaches, 18 previews, as the insider did.
    let [low, high] = [10000, 20000];
    const lowAnswer = await previewAt(low);
    for (let i = 0; i < 17; i++) {
      const middle = Math.floor((low + high) / 2);
      if ((await previewAt(middle)) === lowAnswer) low = middle;
      else high = middle;
    }
    expect(high).not.toBe(13743);
    const read = (await call(api, 'GET', `/campaigns/${campaignId}`, { as: MARKETING })).body;
    expect(read.previews).toHaveLength(18);
    expect(read.previews[0]).toEqual({
      campaignId,
      at: expect.any(String),
      role: 'marketing',
      requestId: expect.any(String),
      criteria: { purchases: expect.objectContaining({ mainGroup: 'beauty' }) },
      reached: expect.anything(),
      purchaseTotalsRead: 5,
    });
    // The admin sees who asked.
    const byAdmin = (await call(api, 'GET', `/campaigns/${campaignId}`, { as: ADMIN })).body;
    expect(byAdmin.previews[0].actor).toEqual(expect.any(String));
  });

  it('never computes an audience over criteria edited while it started: one of the two is refused', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const { campaignId } = await campaign('email');
      const [edit, start] = await Promise.all([
        call(api, 'PATCH', `/campaigns/${campaignId}`, {
          as: MARKETING,
          body: { criteria: { language: 'fi' } },
        }),
        call(api, 'POST', `/campaigns/${campaignId}/audience`, { as: MARKETING }),
      ]);
      expect([edit.status, start.status]).not.toEqual([409, 409]);
      if (start.status !== 202) continue;
      const computed = await until(async () => {
        const c = (await call(api, 'GET', `/campaigns/${campaignId}`, { as: MARKETING })).body;
        return ['computed', 'too-small'].includes(c.status) && c;
      });
      // Everyone here speaks Swedish: the edit, if it was saved, left nobody to reach.
      expect(computed.status).toBe(edit.status === 200 ? 'too-small' : 'computed');
      expect(computed.criteria).toEqual(edit.status === 200 ? { language: 'fi' } : {});
    }
  });
});
