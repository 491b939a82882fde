import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { legacyKey, memberRefIndex } from '../../shared/store/keys.ts';
import { accountNoticeItem } from '../../shared/store/dynamo-account-notices.ts';
import type { LocalApi } from '../../infra/local/register.ts';
import { objectEventDispatcher } from '../../infra/local/object-events.ts';
import { handler as cardBatchJob } from '../../functions/jobs/card-batch.ts';
import { handler as addressRefreshJob } from '../../functions/jobs/address-refresh.ts';
import { handler as addressExtractJob } from '../../functions/jobs/address-extract.ts';
import { handler as auditVerifyJob } from '../../functions/jobs/audit-verify.ts';
import { handler as benefitsJob } from '../../functions/jobs/benefits.ts';
import { handler as payoutJob } from '../../functions/jobs/benefit-payout.ts';
import { addMonths } from '../../shared/time/helsinki.ts';
import { setClock, TEST_DAY } from '../support/clock.ts';
import { runRetention } from '../../shared/privacy/retention.ts';
import { CATALOGUE, isCatalogued, itemType } from '../../shared/privacy/catalogue.ts';
import { MEMBER_ITEM_TYPES } from '../../shared/privacy/member-data.ts';
import { memberPrivacyStore } from '../../shared/store/default-privacy-store.ts';
import { memberStore } from '../../shared/store/default-stores.ts';
import { createDocumentClient, tableName } from '../../shared/store/dynamo.ts';
import { bucketName, createS3Client } from '../../shared/store/exchange-bucket.ts';
import type { Member } from '../../shared/members/member.ts';
import { anUpdate, putInbound, updateFile } from '../support/address-files.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { computeAndWait } from '../support/campaigns.ts';
import { scanTable } from '../support/scan.ts';
import { aReceipt, aRegistration, aStoredMember, ADMIN, CUSTOMER_SERVICE, POS } from '../support/fixtures.ts';

let api: LocalApi;
const MARKETING = { role: 'marketing' } as const;
const STORAGE_ATTRIBUTES = new Set([
  ...['pk', 'sk', 'type', 'expiresAt'],
  ...[1, 2, 3, 4].flatMap((n) => [`gsi${n}pk`, `gsi${n}sk`]),
]);
const s3 = () => createS3Client();
const db = () => createDocumentClient();

async function bucketFiles(): Promise<{ key: string; text: string }[]> {
  const listed = await s3().send(new ListObjectsV2Command({ Bucket: bucketName() }));
  return Promise.all(
    (listed.Contents ?? []).map(async ({ Key }) => {
      const { Body } = await s3().send(new GetObjectCommand({ Bucket: bucketName(), Key }));
      return { key: Key!, text: Buffer.from(await Body!.transformToByteArray()).toString('latin1') };
    }),
  );
}
const dispatch = objectEventDispatcher((error) => {
  throw error;
});

let everywhere = 0;

/** A member with something in every item type the catalogue lists as being about a member. */
async function aMemberEverywhere() {
  everywhere += 1;
  const registration = aRegistration({
    surname: `Kaikkialla-${'abcdefghij'[everywhere]}`,
    firstNames: 'Eero Ensio',
    postalCode: '00100',
  });
  const member = (
    await call(api, 'POST', '/members', {
      as: CUSTOMER_SERVICE,
      headers: { 'idempotency-key': `everywhere-${Date.now()}` },
      body: registration,
    })
  ).body;
  const n = member.customerNumber as string;
  for (const purpose of ['marketing.email', 'marketing.post', 'profiling']) {
    await call(api, 'PUT', `/members/${n}/consents/${purpose}`, {
      as: CUSTOMER_SERVICE,
      body: { granted: true, source: 'store', noticeVersion: '2026.1' },
    });
  }
  await call(api, 'PUT', `/members/${n}/card`, { as: CUSTOMER_SERVICE, body: { type: 'CASH_CARD' } });
  const batch = (await cardBatchJob()).batches.find((b) => b.records > 0)!;
  // Named as the contract names acknowledgements (formats/card-batch.md): by batch, never by member.
  const ackKey = `card-orders/inbound/${batch.batchId}.ack.csv`;
  await s3().send(
    new PutObjectCommand({
      Bucket: bucketName(),
      Key: ackKey,
      Body: `batchId;sequence;customerNumber;status;cardNumber;reason;at\n${batch.batchId};1;${n};PRODUCED;9246000099990001;;2026-11-20T10:00:00Z\n`,
    }),
  );
  await dispatch({
    Records: [
      { eventName: 'ObjectCreated:Put', s3: { bucket: { name: bucketName() }, object: { key: ackKey } } },
    ],
  });
  expect((await call(api, 'GET', '/pos/members/9246000099990001', { as: POS })).status).toBe(200);
  expect((await call(api, 'POST', '/purchases', { as: POS, body: aReceipt(n) })).status).toBe(201);
  for (const channel of ['email', 'post']) {
    const { campaignId } = (
      await call(api, 'POST', '/campaigns', {
        as: MARKETING,
        body: { name: 'Kaikille', channel, holdoutPercent: 0 },
      })
    ).body;
    await computeAndWait(api, campaignId);
  }
  await putInbound(`EVERY_20261124_00${everywhere}.dat`, updateFile([anUpdate(n, { match: 'ambiguous' })]));
  await addressRefreshJob();
  await addressExtractJob();
  // As the move-in of the earlier register leaves it: the member's earlier number.
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...legacyKey(`77${everywhere}`),
        ...memberRefIndex(n, 'legacy-number'),
        type: 'legacy-number',
        customerNumber: n,
      },
    }),
  );
  // A notice about the member's account, as a link by card leaves one until it is sent.
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: accountNoticeItem(n, {
        id: `everywhere-${everywhere}`,
        kind: 'linked-by-card',
        to: registration.email,
        language: 'fi',
        at: new Date().toISOString(),
      }),
    }),
  );
  // The member links the account they signed up with.
  await call(api, 'POST', '/account/link', {
    as: { role: 'member', subject: `everywhere-${n}`, email: registration.email },
    body: { by: 'email' },
  });
  await benefitsOf(n, ['2026-11', '2026-12'][everywhere - 1]!);
  await call(api, 'GET', `/members/${n}`, { as: CUSTOMER_SERVICE });
  return { n, registration, mobile: member.mobile as string };
}

/** A month's purchase through the benefits: its statement when the month closes, paid out two days on. */
async function benefitsOf(n: string, month: string) {
  setClock(`${month}-27T12:00:00+02:00`);
  const purchasedAt = `${month}-26T12:00:00+02:00`;
  const lines = [{ mainGroup: 'food', amountCents: 10_000 }];
  expect(
    (await call(api, 'POST', '/purchases', { as: POS, body: aReceipt(n, { purchasedAt, lines }) })).status,
  ).toBe(201);
  const closed = addMonths(month, 1);
  setClock(`${closed}-03T04:00:00+02:00`);
  while ((await benefitsJob({})).done === false);
  setClock(`${closed}-05T05:30:00+02:00`);
  expect(await payoutJob({})).toMatchObject({ lines: 1 });
  setClock(TEST_DAY);
}

beforeAll(async () => {
  api = await startTestApi();
  const rules = { effectiveFrom: '2026-11', tiers: [{ fromCents: 0, percent: 2 }], groups: {} };
  expect((await call(api, 'POST', '/benefit-rules', { as: ADMIN, body: rules })).status).toBe(201);
  // Four others a campaign reaches too: an audience of fewer than five reaches nobody.
  for (let i = 0; i < 4; i++) {
    const n = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() })).body
      .customerNumber;
    for (const purpose of ['marketing.email', 'marketing.post'])
      await call(api, 'PUT', `/members/${n}/consents/${purpose}`, {
        as: CUSTOMER_SERVICE,
        body: { granted: true, source: 'store', noticeVersion: '2026.1' },
      });
  }
});
afterAll(() => api.stop());

describe('access, portability and erasure', () => {
  it('exports every item type the catalogue lists, then erases all but the tombstone and anonymous totals', async () => {
    const { n, registration, mobile } = await aMemberEverywhere();

    const exported = await call(api, 'GET', `/members/${n}/export`, {
      as: { role: 'member', customerNumber: n },
    });
    expect(exported.status).toBe(200);
    const parts = exported.body.parts as { type: string; items: unknown[]; purposes: unknown[] }[];
    expect(parts.map((p) => p.type)).toEqual(MEMBER_ITEM_TYPES.map((t) => t.type));
    const empty = parts.filter((p) => p.items.length === 0).map((p) => p.type);
    expect(empty).toEqual([]);
    expect(parts.every((p) => p.purposes.length > 0)).toBe(true);

    const erased = await call(api, 'DELETE', `/members/${n}?reason=member-request`, { as: ADMIN });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ customerNumber: n, reason: 'member-request', role: 'admin' });
    // Erasing again answers with the same tombstone.
    expect((await call(api, 'DELETE', `/members/${n}?reason=other`, { as: ADMIN })).body).toEqual(
      erased.body,
    );

    const traces = [n, registration.surname, registration.email, mobile.replace(/\s/g, '').slice(-7)];
    const left = (await scanTable()).filter((item) => traces.some((t) => JSON.stringify(item).includes(t)));
    expect(left.map((item) => item.type)).toEqual(['erased']);
    expect(JSON.stringify(left[0])).not.toContain(registration.surname);
    const anonymous = (await scanTable()).filter((item) => item.type === 'anonymous-purchases');
    expect(anonymous.length).toBeGreaterThan(0);

    // Files delivered to a recipient (batches, postal lists, the extract) expire by their lifecycle
    // rule; reports hold customer numbers only and are kept 24 months; the payout files and the
    // partner's answers are bookkeeping vouchers, kept six years, with the customer number and the
    // card only.
    const delivered = [
      'card-orders/outbound/',
      'marketing/exports/',
      'address-updates/outbound/',
      'card-orders/inbound/',
      'address-updates/inbound/',
    ];
    const reports = ['card-orders/reports/', 'address-updates/reports/', 'benefit-payouts/'];
    for (const file of await bucketFiles()) {
      if (delivered.some((prefix) => file.key.startsWith(prefix))) continue;
      const mentions = traces.filter((t) => file.text.includes(t));
      if (reports.some((prefix) => file.key.startsWith(prefix)))
        expect(mentions.filter((t) => t !== n)).toEqual([]);
      else expect(mentions).toEqual([]);
    }

    expect((await call(api, 'GET', `/members/${n}`, { as: CUSTOMER_SERVICE })).status).toBe(404);
    expect((await call(api, 'GET', '/pos/members/9246000099990001', { as: POS })).status).toBe(404);
    // The number is never drawn again: a registration that drew it would find it taken.
    const again = await memberStore().save({ after: aStoredMember(n) as Member });
    expect(again.outcome).toBe('customer-number-taken');
    expect((await cardBatchJob()).batches).toEqual([]);
  });

  it('erases when due: an erasure request after its days, an ended membership and a death after 12 months', async () => {
    const requester = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() }))
      .body;
    const recent = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() }))
      .body;
    const asMember = (n: string) => ({ role: 'member', customerNumber: n }) as const;
    for (const m of [requester, recent]) {
      const asked = await call(api, 'POST', `/members/${m.customerNumber}/erasure-request`, {
        as: asMember(m.customerNumber),
      });
      expect(asked.status).toBe(202);
      expect(asked.body.erasureRequestedAt).toBeDefined();
    }
    // Eight days later the first request is due; the other was made later.
    const store = memberPrivacyStore();
    const before = (await store.get(requester.customerNumber))!;
    await store.save({ before, after: { ...before, erasureRequestedAt: '2026-11-01T10:00:00.000Z' } });
    const ended = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() })).body;
    await call(api, 'PUT', `/members/${ended.customerNumber}/card`, {
      as: CUSTOMER_SERVICE,
      body: { type: 'CASH_CARD' },
    });
    const end = await call(api, 'POST', `/members/${ended.customerNumber}/membership-end`, {
      as: asMember(ended.customerNumber),
    });
    expect(end.status).toBe(202);
    expect(end.body.card).toEqual({ type: 'NONE', status: 'NONE' });
    // A year and more later the ended membership is due.
    const endedMember = (await store.get(ended.customerNumber))!;
    await store.save({
      before: endedMember,
      after: { ...endedMember, membershipEndedAt: '2025-11-01T10:00:00.000Z' },
    });
    const deceased = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() }))
      .body;
    const dead = (await store.get(deceased.customerNumber))!;
    await store.save({
      before: dead,
      after: {
        ...dead,
        flags: { ...dead.flags, deceased: true },
        deceasedOn: '2025-10-01',
        version: dead.version + 1,
      },
    });

    const result = await runRetention({ members: store, now: () => new Date('2026-11-25T02:00:00Z') });
    expect(result.erased).toEqual({ deceased: 1, 'membership-ended': 1, 'member-request': 1 });
    expect(await store.get(ended.customerNumber)).toBeUndefined();
    expect(await store.get(requester.customerNumber)).toBeUndefined();
    expect(await store.get(deceased.customerNumber)).toBeUndefined();
    expect(await store.get(recent.customerNumber)).toBeDefined();
    expect(await store.erasureState(requester.customerNumber)).toMatchObject({
      state: 'erased',
      tombstone: { erasedBy: 'retention-job' },
    });
  });
});

describe('restriction', () => {
  it('holds card orders and leaves the member out of the address refresh until lifted', async () => {
    const member = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() }))
      .body;
    const n = member.customerNumber as string;
    await call(api, 'PUT', `/members/${n}/card`, { as: CUSTOMER_SERVICE, body: { type: 'CASH_CARD' } });
    const restricted = await call(api, 'PUT', `/members/${n}/restriction`, {
      as: CUSTOMER_SERVICE,
      body: { restricted: true },
    });
    expect(restricted.body.flags.restricted).toBe(true);
    const batch = await cardBatchJob();
    expect(batch.waiting.restricted).toBeGreaterThanOrEqual(1);
    await putInbound(
      'RESTRICT_20261124_001.dat',
      updateFile([anUpdate(n, { streetAddress: 'Ei päivity 1' })]),
    );
    expect((await addressRefreshJob()).files[0]!.counts).toEqual({ restricted: 1 });
    await call(api, 'PUT', `/members/${n}/restriction`, {
      as: CUSTOMER_SERVICE,
      body: { restricted: false },
    });
    expect((await cardBatchJob()).batches.length).toBe(1);
  });
});

describe('the audit trail', () => {
  it('shows the member who viewed their data, and audit-verify detects an edited or removed entry', async () => {
    const member = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() }))
      .body;
    const n = member.customerNumber as string;
    for (let i = 0; i < 3; i++) await call(api, 'GET', `/members/${n}`, { as: CUSTOMER_SERVICE });
    const mine = await call(api, 'GET', `/members/${n}/audit`, { as: { role: 'member', customerNumber: n } });
    expect(mine.status).toBe(200);
    expect(mine.body.entries.map((e: { action: string }) => e.action)).toEqual([
      'register',
      'read',
      'read',
      'read',
    ]);
    expect(mine.body.entries[1]).toMatchObject({
      seq: 2,
      role: 'customer-service',
      purpose: 'customer-service',
    });
    expect(mine.body.entries[1]).not.toHaveProperty('actor');
    const admin = await call(api, 'GET', `/members/${n}/audit`, { as: ADMIN });
    expect(admin.body.entries[1].actor).toEqual(expect.any(String));

    expect((await auditVerifyJob()).faults).toEqual([]);
    const trail = await memberStore().auditTrail(n);
    const key = (seq: number) => ({ pk: `AUDIT#${n}`, sk: String(seq).padStart(12, '0') });
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key(2),
        UpdateExpression: 'SET actor = :someone',
        ExpressionAttributeValues: { ':someone': 'someone-else' },
      }),
    );
    await db().send(new DeleteCommand({ TableName: tableName(), Key: key(trail.length - 1) }));
    const verified = await auditVerifyJob();
    expect(verified.faults).toEqual([
      {
        customerNumber: n,
        faults: [
          { seq: 2, fault: 'edited' },
          { seq: trail.length, fault: 'missing-before' },
        ],
      },
    ]);
  });
});

describe('the privacy notice', () => {
  it('is public, in Finnish and English, as HTML and JSON, and says what the catalogue says', async () => {
    const html = await call(api, 'GET', '/privacy-notice?lang=fi');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain('<html lang="fi">');
    expect(html.text).toContain('Rekisterinpitäjä');
    const json = (await call(api, 'GET', '/privacy-notice?lang=en&format=json')).body;
    const section = (id: string) => json.sections.find((s: { id: string }) => s.id === id).items as string[];
    expect(section('records')).toEqual(MEMBER_ITEM_TYPES.map((t) => t.title.en));
    expect(section('retention').join(' ')).toContain('36 months');
    expect(json.sections.map((s: { id: string }) => s.id)).toEqual([
      'controller',
      'purposes',
      'content',
      'records',
      'sources',
      'recipients',
      'transfers',
      'protection',
      'retention',
      'rights',
    ]);
    const records = await call(api, 'GET', '/records-of-processing', { as: ADMIN });
    expect(records.status).toBe(200);
    const types = new Set(
      records.body.activities.flatMap((a: { categories: { type: string }[] }) =>
        a.categories.map((c) => c.type),
      ),
    );
    expect([...types].sort()).toEqual(CATALOGUE.map((t) => t.type).sort());
  });
});

describe('the data catalogue', () => {
  // Last in the file: it scans what every test above wrote (tombstones, anonymous totals, chains, …).
  it('knows every item type and field the register stores', async () => {
    const { n } = await aMemberEverywhere();
    await call(api, 'DELETE', `/members/${n}?reason=other`, { as: ADMIN });
    const unknown = new Set<string>();
    for (const item of await scanTable()) {
      const type = itemType(String(item.type));
      if (!type) {
        unknown.add(`item type ${String(item.type)}`);
        continue;
      }
      for (const field of Object.keys(item)) {
        if (!STORAGE_ATTRIBUTES.has(field) && !isCatalogued(type, field))
          unknown.add(`${type.type}.${field}`);
      }
    }
    expect([...unknown]).toEqual([]);
  });
});
