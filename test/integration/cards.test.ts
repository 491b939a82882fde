import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { LocalApi } from '../../infra/local/register.ts';
import { objectEventDispatcher } from '../../infra/local/object-events.ts';
import { runCardBatch } from '../../shared/cards/run-card-batch.ts';
import { listCardBatches } from '../../shared/cards/list-batches.ts';
import { cardStore, jobLeases, memberStore } from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';
import { bucketName, createS3Client } from '../../shared/store/exchange-bucket.ts';
import type { ExchangeFiles } from '../../shared/exchange/exchange-files.ts';
import { handler as cardBatchJob } from '../../functions/jobs/card-batch.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { aReceipt, aRegistration, CUSTOMER_SERVICE, POS, setFlags } from '../support/fixtures.ts';

let api: LocalApi;
const s3 = () => createS3Client();
const text = async (key: string) =>
  await (
    await s3().send(new GetObjectCommand({ Bucket: bucketName(), Key: key }))
  ).Body!.transformToString('utf8');
const keys = async (prefix: string) =>
  ((await s3().send(new ListObjectsV2Command({ Bucket: bucketName(), Prefix: prefix }))).Contents ?? []).map(
    (o) => o.Key!,
  );
const dispatch = objectEventDispatcher((error) => {
  throw error;
});
/** Puts an acknowledgement file into the bucket and delivers the ObjectCreated event as S3 would. */
const deliverAck = async (name: string, lines: string[]) => {
  const key = `card-orders/inbound/${name}`;
  const body = ['batchId;sequence;customerNumber;status;cardNumber;reason;at', ...lines].join('\n') + '\n';
  await s3().send(new PutObjectCommand({ Bucket: bucketName(), Key: key, Body: body }));
  await dispatch({
    Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: bucketName() }, object: { key } } }],
  });
  return JSON.parse(await text(`card-orders/reports/${name}.report.json`));
};
const register = async (overrides: Record<string, unknown> = {}) =>
  (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration(overrides) })).body;
const choose = (n: string, type: string) =>
  call(api, 'PUT', `/members/${n}/card`, { as: CUSTOMER_SERVICE, body: { type } });
const read = async (n: string) => (await call(api, 'GET', `/members/${n}`, { as: CUSTOMER_SERVICE })).body;
/** The real exchange files, with some calls replaced (a run that dies at that step). */
const filesWith = (replaced: Partial<ExchangeFiles>): ExchangeFiles => {
  const real = exchangeBucket();
  return {
    upload: (key, body, type) => real.upload(key, body, type),
    putJson: (key, value) => real.putJson(key, value),
    read: (key, fromByte) => real.read(key, fromByte),
    list: (prefix) => real.list(prefix),
    ...replaced,
  };
};
const deps = () => ({
  cards: cardStore(),
  members: memberStore(),
  files: exchangeBucket(),
  leases: jobLeases(),
});

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

describe('the card batch round trip', () => {
  it('batches mailable orders, leaves out the rest, and applies the answers once', async () => {
    const cash = await register({ firstNames: 'Åsa Märta Eveliina Kristiina', surname: 'Sjöberg-Ström' });
    const master = await register({ language: 'en' });
    const protectedOne = await register();
    const noAddress = await register({
      streetAddress: undefined,
      postalCode: undefined,
      postOffice: undefined,
    });
    const deceased = await register();
    for (const m of [cash, protectedOne, noAddress, deceased]) await choose(m.customerNumber, 'CASH_CARD');
    await choose(master.customerNumber, 'MASTERCARD');
    await setFlags(protectedOne.customerNumber, { protectedAddress: true });
    await setFlags(deceased.customerNumber, { deceased: true });

    const summary = await cardBatchJob();
    expect(summary.batches).toHaveLength(1);
    const [batch] = summary.batches;
    expect(batch).toMatchObject({ records: 2, resumed: false });
    expect(summary.waiting).toEqual({ 'protected-address': 1, 'no-address': 1 });
    expect(summary.ended).toEqual({ deceased: 1 });
    expect((await read(deceased.customerNumber)).card).toEqual({ type: 'NONE', status: 'NONE' });

    // The file as the manufacturer reads it, and its manifest.
    const csv = await text(batch!.key);
    const manifest = JSON.parse(await text(batch!.key.replace('.csv', '.manifest.json')));
    expect(manifest).toMatchObject({
      formatVersion: 1,
      batchId: batch!.batchId,
      records: 2,
      file: `${batch!.batchId}.csv`,
    });
    expect(manifest.bytes).toBe(Buffer.byteLength(csv));
    expect(manifest.sha256).toBe(createHash('sha256').update(csv).digest('hex'));
    expect(batch!.key).toMatch(/^card-orders\/outbound\/\d{8}\/CB-\d{8}-\d{4}\.csv$/);
    expect(
      csv.startsWith(
        'batchId;sequence;customerNumber;cardType;orderType;nameOnCard;streetAddress;postalCode;postOffice;language\n',
      ),
    ).toBe(true);
    const rows = parse(csv, { columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(rows.map((r) => [r.sequence, r.customerNumber, r.cardType, r.orderType, r.language])).toEqual([
      ['1', cash.customerNumber, 'CASH_CARD', 'NEW', 'sv'],
      ['2', master.customerNumber, 'MASTERCARD', 'NEW', 'fi'],
    ]);
    expect(rows[0]!.nameOnCard).toBe('ÅSA M E K SJÖBERG-STRÖM');
    expect((await read(cash.customerNumber)).card.status).toBe('BATCHED');

    const at = '2026-11-20T10:00:00Z';
    const lines = [
      `${batch!.batchId};1;${cash.customerNumber};PRODUCED;9246000012345678;;${at}`,
      `${batch!.batchId};2;${master.customerNumber};PRODUCED;************4321;;${at}`,
      `${batch!.batchId};2;${master.customerNumber};SHIPPED;************4321;;2026-11-21T10:00:00Z`,
      `${batch!.batchId};9;${cash.customerNumber};PRODUCED;9246000012345679;;${at}`,
      `CB-20990101-9999;1;${cash.customerNumber};SHIPPED;;;${at}`,
      `${batch!.batchId};1;${cash.customerNumber};LOST;;;${at}`,
    ];
    const report = await deliverAck(`${batch!.batchId}.ack.csv`, lines);
    expect(report).toMatchObject({ lines: 6, applied: 3, alreadyApplied: 0 });
    expect(report.ignored.map((i: { line: number }) => i.line)).toEqual([5, 6]);
    expect(report.rejected).toEqual([
      { line: 7, reason: 'status must be one of: PRODUCED, SHIPPED, REJECTED, RETURNED' },
    ]);

    expect((await read(cash.customerNumber)).card).toMatchObject({
      type: 'CASH_CARD',
      status: 'PRODUCED',
      cardNumber: '9246000012345678',
    });
    expect((await read(master.customerNumber)).card).toMatchObject({
      status: 'SHIPPED',
      cardNumber: '************4321',
    });
    const scan = await call(api, 'GET', '/pos/members/9246000012345678', { as: POS });
    expect(scan.body).toEqual({
      member: true,
      card: { type: 'CASH_CARD', status: 'PRODUCED' },
      tierPercent: 0,
    });

    const again = await deliverAck(`${batch!.batchId}.ack-again.csv`, lines);
    expect(again).toMatchObject({ applied: 0, alreadyApplied: 3 });
    expect((await read(master.customerNumber)).card.status).toBe('SHIPPED');
  });

  it('makes no file when nothing is pending', async () => {
    const before = await keys('card-orders/outbound/');
    const summary = await runCardBatch(deps());
    expect(summary.batches).toEqual([]);
    expect(await keys('card-orders/outbound/')).toEqual(before);
  });

  it('marks the address doubtful when a card comes back, and refuses a full MasterCard number', async () => {
    const a = await register();
    const b = await register();
    await choose(a.customerNumber, 'CASH_CARD');
    await choose(b.customerNumber, 'MASTERCARD');
    const [batch] = (await runCardBatch(deps())).batches;
    const report = await deliverAck(`${batch!.batchId}.returns.ack.csv`, [
      `${batch!.batchId};1;${a.customerNumber};RETURNED;;Osoite tuntematon;2026-11-22T08:00:00Z`,
      `${batch!.batchId};2;${b.customerNumber};PRODUCED;5500000000004321;;2026-11-22T08:00:00Z`,
    ]);
    expect(report.applied).toBe(1);
    expect(report.ignored).toEqual([
      { line: 3, reason: 'a MasterCard number must be masked to its last four digits' },
    ]);
    expect((await read(a.customerNumber)).flags.addressDoubtful).toBe(true);
    expect(JSON.stringify(await read(b.customerNumber))).not.toContain('5500000000004321');
  });
});

describe('names the manufacturer cannot emboss', () => {
  it('keeps the order waiting with a reason, and embosses a decomposed name as composed', async () => {
    const han = await register({ surname: '王', firstNames: '小明' });
    const decomposed = await register({ surname: 'A\u0308ija\u0308la\u0308', firstNames: 'A\u030asa' });
    await choose(han.customerNumber, 'CASH_CARD');
    await choose(decomposed.customerNumber, 'CASH_CARD');
    const summary = await runCardBatch(deps());
    expect(summary.waiting['name-not-embossable']).toBe(1);
    const rows = parse(await text(summary.batches[0]!.key), { columns: true, delimiter: ';' }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => r.customerNumber)).not.toContain(han.customerNumber);
    expect(rows.find((r) => r.customerNumber === decomposed.customerNumber)?.nameOnCard).toBe('ÅSA ÄIJÄLÄ');
    expect((await read(han.customerNumber)).card.status).toBe('ORDERED');
  });
});

describe('crash safety', () => {
  it('finishes a batch whose run died between claiming and writing, with the same id and no gap', async () => {
    const members = [await register(), await register(), await register()];
    for (const m of members) await choose(m.customerNumber, 'CASH_CARD');
    const broken = filesWith({
      upload: async () => {
        throw new Error('the run died here');
      },
    });
    await expect(runCardBatch({ ...deps(), files: broken })).rejects.toThrow('the run died here');
    expect((await read(members[0]!.customerNumber)).card.status).toBe('BATCHED');

    const summary = await runCardBatch(deps());
    expect(summary.batches).toHaveLength(1);
    expect(summary.batches[0]).toMatchObject({ records: 3, resumed: true });
    const all = (await listCardBatches(cardStore(), false)).batches!;
    const references = all.map((b) => b.transmissionReference);
    expect(references).toEqual(references.map((_, i) => i + 1));
    expect(all.every((b) => b.status === 'delivered')).toBe(true);
  });

  it('writes the same file again when the run died after the file but before the manifest', async () => {
    await choose((await register()).customerNumber, 'MASTERCARD');
    const noManifest = filesWith({
      putJson: async () => {
        throw new Error('died before the manifest');
      },
    });
    await expect(runCardBatch({ ...deps(), files: noManifest })).rejects.toThrow();
    const open = (await listCardBatches(cardStore(), false)).batches!.find((b) => b.status === 'open')!;
    const firstFile = await text(
      (await keys('card-orders/outbound/')).find((k) => k.includes(open.batchId))!,
    );
    const [resumed] = (await runCardBatch(deps())).batches;
    expect(resumed!.batchId).toBe(open.batchId);
    expect(await text(resumed!.key)).toBe(firstFile);
  });

  it('keeps sequences 1..n when an order is cancelled between the query and its claim', async () => {
    const members = [await register(), await register(), await register(), await register()];
    for (const m of members) await choose(m.customerNumber, 'CASH_CARD');
    const real = cardStore();
    const racing = Object.assign(Object.create(Object.getPrototypeOf(real)), real, {
      claim: async (order: { customerNumber: string }, ...rest: unknown[]) =>
        order.customerNumber === members[1]!.customerNumber
          ? false
          : (real.claim as (...a: unknown[]) => Promise<boolean>)(order, ...rest),
    });
    const [batch] = (await runCardBatch({ ...deps(), cards: racing })).batches;
    const rows = parse(await text(batch!.key), { columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(rows.map((r) => r.sequence)).toEqual(['1', '2', '3']);
    expect(rows.map((r) => r.customerNumber).sort()).toEqual(
      [members[0], members[2], members[3]].map((m) => m!.customerNumber).sort(),
    );
    const ack = await deliverAck(
      `${batch!.batchId}.ack.csv`,
      rows.map((r) => `${batch!.batchId};${r.sequence};${r.customerNumber};SHIPPED;;;2026-11-23T10:00:00Z`),
    );
    expect(ack.applied).toBe(3);
    const [next] = (await runCardBatch(deps())).batches;
    expect(next!.records).toBe(1);
  });

  it('lets one run at a time work on a batch: runs started together never repeat a sequence number', async () => {
    const members = await Promise.all(Array.from({ length: 12 }, () => register()));
    await Promise.all(members.map((m) => choose(m.customerNumber, 'CASH_CARD')));
    const runs = await Promise.all([runCardBatch(deps()), runCardBatch(deps()), cardBatchJob()]);
    expect(runs.filter((r) => r.skipped === 'another-run-is-active')).toHaveLength(2);
    const [batch] = runs.flatMap((r) => r.batches);
    const rows = parse(await text(batch!.key), { columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(rows.map((r) => Number(r.sequence))).toEqual(rows.map((_, i) => i + 1));
    const ack = await deliverAck(
      `${batch!.batchId}.together.ack.csv`,
      rows.map((r) => `${batch!.batchId};${r.sequence};${r.customerNumber};SHIPPED;;;2026-11-23T10:00:00Z`),
    );
    expect(ack.applied).toBe(rows.length);
    // The lease was given back: the next run may go.
    expect((await runCardBatch(deps())).skipped).toBeUndefined();
  });

  it('splits more orders than a batch takes into several batches with consecutive references', async () => {
    for (let i = 0; i < 5; i++) await choose((await register()).customerNumber, 'CASH_CARD');
    const summary = await runCardBatch({ ...deps(), maxPerBatch: 2 });
    expect(summary.batches.map((b) => b.records)).toEqual([2, 2, 1]);
    const [first, second, third] = summary.batches.map((b) => b.transmissionReference);
    expect([second! - first!, third! - second!]).toEqual([1, 1]);
  });
});

describe('replacement and overdue orders', () => {
  it('replaces a lost card: the old number stops resolving once the new card is produced', async () => {
    const m = await register();
    await choose(m.customerNumber, 'CASH_CARD');
    const [first] = (await runCardBatch(deps())).batches;
    await deliverAck(`${first!.batchId}.first.ack.csv`, [
      `${first!.batchId};1;${m.customerNumber};SHIPPED;1111222233334444;;2026-11-01T10:00:00Z`,
    ]);
    const asMember = { role: 'member', customerNumber: m.customerNumber } as const;
    const replaced = await call(api, 'POST', `/members/${m.customerNumber}/card/replacement`, {
      as: asMember,
    });
    expect(replaced.body.card).toMatchObject({ status: 'ORDERED', cardNumber: '1111222233334444' });
    expect((await call(api, 'GET', '/pos/members/1111222233334444', { as: POS })).status).toBe(200);

    const [second] = (await runCardBatch(deps())).batches;
    const row = parse(await text(second!.key), { columns: true, delimiter: ';' })[0] as Record<
      string,
      string
    >;
    expect(row.orderType).toBe('REPLACEMENT');
    await deliverAck(`${second!.batchId}.ack.csv`, [
      `${second!.batchId};1;${m.customerNumber};PRODUCED;5555666677778888;;2026-11-24T10:00:00Z`,
    ]);
    expect((await call(api, 'GET', '/pos/members/1111222233334444', { as: POS })).status).toBe(404);
    expect((await call(api, 'GET', '/pos/members/5555666677778888', { as: POS })).status).toBe(200);
  });

  it('blocks a card reported lost at the tills at once, and orders its replacement', async () => {
    const m = await register();
    await choose(m.customerNumber, 'CASH_CARD');
    const [first] = (await runCardBatch(deps())).batches;
    await deliverAck(`${first!.batchId}.lost.ack.csv`, [
      `${first!.batchId};1;${m.customerNumber};PRODUCED;2222333344445555;;2026-11-01T10:00:00Z`,
    ]);
    const asMember = { role: 'member', customerNumber: m.customerNumber } as const;
    const lost = await call(api, 'POST', `/members/${m.customerNumber}/card/lost`, { as: asMember });
    expect(lost.status).toBe(200);
    expect(lost.body.card).toEqual({ type: 'CASH_CARD', status: 'ORDERED', orderedAt: expect.any(String) });
    expect((await call(api, 'GET', '/pos/members/2222333344445555', { as: POS })).body).toEqual({
      member: true,
      card: { type: 'CASH_CARD', status: 'BLOCKED' },
      tierPercent: 0,
    });
    const byCard = (purchasedAt: string) =>
      call(api, 'POST', '/purchases', {
        as: POS,
        body: {
          ...aReceipt(m.customerNumber, { purchasedAt }),
          customerNumber: undefined,
          cardNumber: '2222333344445555',
        },
      });
    const after = await byCard(new Date().toISOString());
    expect(after.status).toBe(422);
    expect(after.body.type).toBe('https://moymore.fi/problems/card-blocked');
    // What a till queued offline before the loss still counts.
    expect((await byCard('2026-10-15T12:00:00+03:00')).status).toBe(201);
    // Reported again: nothing more happens; the replacement is in the next batch.
    expect(
      (await call(api, 'POST', `/members/${m.customerNumber}/card/lost`, { as: CUSTOMER_SERVICE })).status,
    ).toBe(200);
    const [second] = (await runCardBatch(deps())).batches;
    const rows = parse(await text(second!.key), { columns: true, delimiter: ';' }) as Record<
      string,
      string
    >[];
    expect(rows.filter((r) => r.customerNumber === m.customerNumber).map((r) => r.orderType)).toEqual([
      'REPLACEMENT',
    ]);
    const none = await register();
    expect(
      (await call(api, 'POST', `/members/${none.customerNumber}/card/lost`, { as: CUSTOMER_SERVICE })).status,
    ).toBe(409);
  });

  it('lists orders unanswered 14 days after their batch, for admin and processor only', async () => {
    const m = await register();
    await choose(m.customerNumber, 'CASH_CARD');
    const [batch] = (await runCardBatch(deps())).batches;
    const fortnight = new Date(Date.now() + 15 * 24 * 3600 * 1000);
    const overdue = (await listCardBatches(cardStore(), true, fortnight)).overdue!;
    expect(overdue).toContainEqual(
      expect.objectContaining({ batchId: batch!.batchId, customerNumber: m.customerNumber }),
    );
    expect((await listCardBatches(cardStore(), true)).overdue).toEqual([]);
    expect((await call(api, 'GET', '/card-batches?overdue=true', { as: { role: 'processor' } })).status).toBe(
      200,
    );
    expect((await call(api, 'GET', '/card-batches', { as: CUSTOMER_SERVICE })).status).toBe(403);
  });
});
