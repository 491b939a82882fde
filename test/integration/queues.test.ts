import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import type { TokenRequest } from '../../infra/local/local-jwt.ts';
import { runCardBatch } from '../../shared/cards/run-card-batch.ts';
import { cardStore, jobLeases, memberStore } from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';
import { handler as addressRefreshJob } from '../../functions/jobs/address-refresh.ts';
import { anUpdate, putInbound, updateFile } from '../support/address-files.ts';
import { ADMIN, aRegistration, CUSTOMER_SERVICE, setFlags } from '../support/fixtures.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { answerOrder, orderAndAnswerCard } from '../support/card-answers.ts';
import { scanTable } from '../support/scan.ts';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { bucketName, createS3Client } from '../../shared/store/exchange-bucket.ts';

let api: LocalApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

async function aMember() {
  const response = await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() });
  expect(response.status).toBe(201);
  return response.body.customerNumber as string;
}

type Item = { queue: string; customerNumber: string; ref: string; reason?: string; proposed?: object };

/** Every item of the queue for the member, through every page. */
async function itemsOf(
  queue: string,
  customerNumber: string,
  as: TokenRequest = CUSTOMER_SERVICE,
): Promise<Item[]> {
  const found: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(api, 'GET', `/work-queues/${queue}${cursor ? `?cursor=${cursor}` : ''}`, { as });
    expect(page.status).toBe(200);
    found.push(...(page.body.items as Item[]).filter((i) => i.customerNumber === customerNumber));
    cursor = page.body.next;
  } while (cursor);
  return found;
}

const resolve = (queue: string, body: object, as = CUSTOMER_SERVICE) =>
  call(api, 'POST', `/work-queues/${queue}/resolutions`, { as, body });

const answerCard = (customerNumber: string, status: string, reason = '') =>
  orderAndAnswerCard(api, customerNumber, status, { reason });

describe('work queues', () => {
  it('puts an address line in review on the queue with the address it gave; taking it applies it as the register’s', async () => {
    const n = await aMember();
    // The member's own address is newer than the move date: the register leaves it for a person.
    await putInbound(`queue-${n}.dat`, updateFile([anUpdate(n, { moveDate: '2026-10-01' })]));
    await addressRefreshJob();
    const [item] = await itemsOf('address-review', n);
    expect(item).toMatchObject({
      queue: 'address-review',
      proposed: { streetAddress: 'Hämeenkatu 12 B 7', postalCode: '33100', postOffice: 'TAMPERE' },
    });
    expect(item!.reason).toContain('after the move date');

    const taken = await resolve('address-review', {
      customerNumber: n,
      ref: item!.ref,
      resolution: 'accept-register',
    });
    expect(taken.status).toBe(200);
    expect(taken.body.streetAddress).toBe('Hämeenkatu 12 B 7');
    const read = await call(api, 'GET', `/members/${n}?include=sources`, { as: CUSTOMER_SERVICE });
    expect(read.body.sources.streetAddress.source).toBe('population-register');
    expect(await itemsOf('address-review', n)).toEqual([]);
    // Someone else was a moment late: the item is gone, and nothing changes twice.
    const late = await resolve('address-review', {
      customerNumber: n,
      ref: item!.ref,
      resolution: 'keep-member',
    });
    expect(late.status).toBe(404);

    const trail = await call(api, 'GET', `/members/${n}/audit`, { as: ADMIN });
    expect(trail.body.entries.filter((e: { action: string }) => e.action === 'resolve-work')).toHaveLength(1);
  });

  it('refuses to take a line’s address over one the member changed after the line was queued', async () => {
    const n = await aMember();
    await putInbound(`stale-${n}.dat`, updateFile([anUpdate(n, { moveDate: '2026-10-01' })]));
    await addressRefreshJob();
    const [item] = await itemsOf('address-review', n);
    const member = (await call(api, 'GET', `/members/${n}`, { as: CUSTOMER_SERVICE })).body;
    await call(api, 'PATCH', `/members/${n}`, {
      as: CUSTOMER_SERVICE,
      headers: { 'if-match': `"${member.version}"` },
      body: { streetAddress: 'Uusin osoite 1' },
    });
    const taken = await resolve('address-review', {
      customerNumber: n,
      ref: item!.ref,
      resolution: 'accept-register',
    });
    expect(taken.status).toBe(412);
    expect((await call(api, 'GET', `/members/${n}`, { as: CUSTOMER_SERVICE })).body.streetAddress).toBe(
      'Uusin osoite 1',
    );
    expect(await itemsOf('address-review', n)).toHaveLength(1);
  });

  it('keeps the member’s address when told so, with an audit entry and no change to the member', async () => {
    const n = await aMember();
    await putInbound(`keep-${n}.dat`, updateFile([anUpdate(n, { moveDate: '2026-10-01' })]));
    await addressRefreshJob();
    const [item] = await itemsOf('address-review', n);
    const before = (await call(api, 'GET', `/members/${n}`, { as: CUSTOMER_SERVICE })).body;
    const kept = await resolve('address-review', {
      customerNumber: n,
      ref: item!.ref,
      resolution: 'keep-member',
    });
    expect(kept.status).toBe(200);
    expect(kept.body.version).toBe(before.version);
    expect(await itemsOf('address-review', n)).toEqual([]);
    const wrong = await resolve('address-review', {
      customerNumber: n,
      ref: item!.ref,
      resolution: 'mark-checked',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('resolution');
  });

  it('puts a returned card on two queues; a new card and a corrected address take the member off them', async () => {
    const n = await aMember();
    await answerCard(n, 'RETURNED', 'unknown address');
    expect(await itemsOf('card-returned', n)).toHaveLength(1);
    expect(await itemsOf('address-doubtful', n)).toHaveLength(1);

    const again = await call(api, 'POST', `/members/${n}/card/replacement`, { as: CUSTOMER_SERVICE });
    expect(again.status).toBe(200);
    expect(await itemsOf('card-returned', n)).toEqual([]);

    const corrected = await call(api, 'PATCH', `/members/${n}`, {
      as: CUSTOMER_SERVICE,
      headers: { 'if-match': `"${again.body.version}"` },
      body: { streetAddress: 'Oikea katu 3' },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.flags.addressDoubtful).toBe(false);
    expect(await itemsOf('address-doubtful', n)).toEqual([]);
  });

  it('marks a doubtful address checked without changing it', async () => {
    const n = await aMember();
    await answerCard(n, 'RETURNED', 'moved');
    const checked = await resolve('address-doubtful', {
      customerNumber: n,
      ref: 'profile',
      resolution: 'mark-checked',
    });
    expect(checked.status).toBe(200);
    expect(checked.body.flags.addressDoubtful).toBe(false);
    expect(await itemsOf('address-doubtful', n)).toEqual([]);
    expect(await itemsOf('card-returned', n)).toHaveLength(1);
  });

  it('lists erasure requests for admins only, and an erasure takes the member and their items away', async () => {
    const n = await aMember();
    await answerCard(n, 'REJECTED', 'name too long');
    expect((await call(api, 'POST', `/members/${n}/erasure-request`, { as: CUSTOMER_SERVICE })).status).toBe(
      202,
    );
    expect(await itemsOf('erasure', n, ADMIN)).toMatchObject([{ reason: 'erasure-request' }]);
    const refused = await call(api, 'GET', '/work-queues/erasure', { as: CUSTOMER_SERVICE });
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('https://moymore.fi/problems/role-not-allowed');

    expect(
      (await call(api, 'DELETE', `/members/${n}?reason=member-request`, { as: ADMIN })).status,
    ).toBeLessThan(300);
    expect(await itemsOf('erasure', n, ADMIN)).toEqual([]);
    expect(await itemsOf('card-returned', n)).toEqual([]);
    const left = (await scanTable()).filter((item) => item.type === 'work-item' && item.customerNumber === n);
    expect(left).toEqual([]);
  });

  it('lists a card order unanswered 14 days after its batch, until the manufacturer answers', async () => {
    const n = await aMember();
    await call(api, 'PUT', `/members/${n}/card`, { as: CUSTOMER_SERVICE, body: { type: 'CASH_CARD' } });
    // The batch of fifteen days ago, never answered.
    const run = await runCardBatch({
      cards: cardStore(),
      members: memberStore(),
      files: exchangeBucket(),
      leases: jobLeases(),
      now: () => new Date(Date.now() - 15 * 24 * 3600 * 1000),
    });
    const batch = run.batches.find((b) => b.records > 0)!;
    const [item] = await itemsOf('card-overdue', n, { role: 'processor' });
    expect(item).toMatchObject({ queue: 'card-overdue', reason: batch.batchId });
    expect(item!.ref).toMatch(new RegExp(`^${batch.batchId}#\\d+$`));

    await answerOrder(batch.batchId, Number(item!.ref.split('#')[1]), n, 'PRODUCED', {
      cardNumber: '9246000011112222',
    });
    expect(await itemsOf('card-overdue', n, { role: 'processor' })).toEqual([]);
  });

  it('shows the processor overdue card orders only', async () => {
    const processor = { role: 'processor' } as const;
    expect((await call(api, 'GET', '/work-queues/card-overdue', { as: processor })).status).toBe(200);
    expect((await call(api, 'GET', '/work-queues/address-review', { as: processor })).status).toBe(403);
  });
});

describe('card orders waiting for a person', () => {
  const register = async (overrides: Record<string, unknown>) => {
    const response = await call(api, 'POST', '/members', {
      as: CUSTOMER_SERVICE,
      body: aRegistration(overrides),
    });
    expect(response.status).toBe(201);
    return response.body.customerNumber as string;
  };
  const orderCard = (n: string) =>
    call(api, 'PUT', `/members/${n}/card`, { as: CUSTOMER_SERVICE, body: { type: 'CASH_CARD' } });
  const agree = (n: string, nameOnCard: string, as: TokenRequest = CUSTOMER_SERVICE) =>
    call(api, 'PUT', `/members/${n}/card/name-on-card`, { as, body: { nameOnCard } });
  const correct = async (n: string, body: object) => {
    const { version } = (await call(api, 'GET', `/members/${n}`, { as: CUSTOMER_SERVICE })).body;
    const response = await call(api, 'PATCH', `/members/${n}`, {
      as: CUSTOMER_SERVICE,
      headers: { 'if-match': `"${version}"` },
      body,
    });
    expect(response.status).toBe(200);
    return response.body;
  };
  const batchNow = () =>
    runCardBatch({
      cards: cardStore(),
      members: memberStore(),
      files: exchangeBucket(),
      leases: jobLeases(),
    });

  it('lists an order held for its address or its name with the reason, until the hold is lifted', async () => {
    const n = await register({
      surname: '王',
      firstNames: '小明',
      streetAddress: undefined,
      postalCode: undefined,
      postOffice: undefined,
    });
    expect(await itemsOf('card-waiting', n)).toEqual([]);
    await orderCard(n);
    expect(await itemsOf('card-waiting', n)).toEqual([
      expect.objectContaining({ reason: 'no-address', ref: 'profile' }),
    ]);

    // The address given, the order still waits: now for a name the manufacturer can emboss.
    await correct(n, { streetAddress: 'Hämeenkatu 1', postalCode: '33100', postOffice: 'Tampere' });
    expect(await itemsOf('card-waiting', n)).toEqual([
      expect.objectContaining({ reason: 'name-not-embossable' }),
    ]);

    const refused = await agree(n, 'Wang Xiaoming');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'nameOnCard' })]);
    expect((await agree(n, 'W'.repeat(27))).status).toBe(400);
    expect((await agree(n, 'WANG XIAOMING-')).status).toBe(400);
    expect((await agree(n, 'WANG XIAOMING', { role: 'processor' })).status).toBe(403);

    const agreed = await agree(n, 'WANG XIAOMING');
    expect(agreed.status).toBe(200);
    expect(agreed.body.card).toMatchObject({ status: 'ORDERED', agreedNameOnCard: 'WANG XIAOMING' });
    expect(await itemsOf('card-waiting', n)).toEqual([]);
    // Agreeing the same again changes nothing.
    expect((await agree(n, 'WANG XIAOMING')).body.version).toBe(agreed.body.version);

    const trail = (await call(api, 'GET', `/members/${n}/audit`, { as: ADMIN })).body.entries as {
      action: string;
      fields?: string[];
      actor: string;
    }[];
    expect(trail.filter((e) => e.action === 'name-on-card')).toEqual([
      expect.objectContaining({ fields: ['card.agreedNameOnCard'] }),
    ]);
    expect(JSON.stringify(trail)).not.toContain('WANG');

    const run = await batchNow();
    const batched = (await call(api, 'GET', `/members/${n}`, { as: CUSTOMER_SERVICE })).body;
    expect(batched.card).toMatchObject({ status: 'BATCHED', agreedNameOnCard: 'WANG XIAOMING' });
    const { key } = run.batches.find((b) => b.records > 0)!;
    const file = await (
      await createS3Client().send(new GetObjectCommand({ Bucket: bucketName(), Key: key }))
    ).Body!.transformToString('utf8');
    expect(file.split('\n').find((line) => line.includes(n))).toContain(';WANG XIAOMING;');
  });

  it('drops the agreed name when the name changes, and puts the order back on the queue', async () => {
    const n = await register({ surname: '李', firstNames: '华' });
    await orderCard(n);
    expect((await agree(n, 'LI HUA')).status).toBe(200);
    expect(await itemsOf('card-waiting', n)).toEqual([]);
    const renamed = await correct(n, { surname: '李四' });
    expect(renamed.card.agreedNameOnCard).toBeUndefined();
    expect(await itemsOf('card-waiting', n)).toEqual([
      expect.objectContaining({ reason: 'name-not-embossable' }),
    ]);
    // Cancelling the order takes it off the queue too.
    await call(api, 'PUT', `/members/${n}/card`, { as: CUSTOMER_SERVICE, body: { type: 'NONE' } });
    expect(await itemsOf('card-waiting', n)).toEqual([]);
  });

  it('lists a protected address as waiting, and not for marketing', async () => {
    const n = await register({});
    await setFlags(n, { protectedAddress: true });
    await orderCard(n);
    expect(await itemsOf('card-waiting', n)).toEqual([
      expect.objectContaining({ reason: 'protected-address' }),
    ]);
    expect((await call(api, 'GET', '/work-queues/card-waiting', { as: { role: 'marketing' } })).status).toBe(
      403,
    );
  });
});
