import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse/sync';
import type { LocalApi } from '../../infra/local/register.ts';
import { objectEventDispatcher } from '../../infra/local/object-events.ts';
import { handler as benefitsJob } from '../../functions/jobs/benefits.ts';
import { handler as payoutJob } from '../../functions/jobs/benefit-payout.ts';
import { SEGMENTS, writeStatements } from '../../shared/benefits/write-statements.ts';
import { benefitRulesStore, jobLeases, statementStore } from '../../shared/store/default-stores.ts';
import { bucketName, createS3Client } from '../../shared/store/exchange-bucket.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { orderAndAnswerCard } from '../support/card-answers.ts';
import { ADMIN, aReceipt, aRegistration, CUSTOMER_SERVICE, POS } from '../support/fixtures.ts';
import { setClock } from '../support/clock.ts';
import { itemsMentioning } from '../support/scan.ts';

let api: LocalApi;
const s3 = createS3Client();
const dispatch = objectEventDispatcher((error) => {
  throw error;
});
const TIERS = [
  { fromCents: 0, percent: 0 },
  { fromCents: 10_000, percent: 1 },
  { fromCents: 30_000, percent: 2 },
  { fromCents: 60_000, percent: 3 },
  { fromCents: 100_000, percent: 4 },
  { fromCents: 150_000, percent: 5 },
];
const register = async () =>
  (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration({ language: 'fi' }) }))
    .body.customerNumber as string;
const buy = (n: string, lines: { mainGroup: string; amountCents: number }[], purchasedAt: string) =>
  call(api, 'POST', '/purchases', { as: POS, body: aReceipt(n, { purchasedAt, lines }) });
const benefitsOf = async (n: string) =>
  (await call(api, 'GET', `/members/${n}/benefits`, { as: { role: 'member', customerNumber: n } })).body;
const read = async (key: string) =>
  await (
    await s3.send(new GetObjectCommand({ Bucket: bucketName(), Key: key }))
  ).Body!.transformToString('utf8');

/** A: a cash card and 350 € of food (tier 2 %), 50 € of services (excluded). B: no card, 120 €. C: a card, 20 €. */
const members = {} as Record<'a' | 'b' | 'c' | 'erased', string>;
const cards = { a: '6000111122223333', c: '6000444455556666' };

beforeAll(async () => {
  setClock('2026-10-20T12:00:00+03:00');
  api = await startTestApi();
  const rules = await call(api, 'POST', '/benefit-rules', {
    as: ADMIN,
    body: { effectiveFrom: '2026-11', tiers: TIERS, groups: { services: { excluded: true } } },
  });
  expect(rules.status).toBe(201);
  for (const who of ['a', 'b', 'c', 'erased'] as const) members[who] = await register();
  await orderAndAnswerCard(api, members.a, 'PRODUCED', { cardNumber: cards.a });
  await orderAndAnswerCard(api, members.c, 'PRODUCED', { cardNumber: cards.c });
  setClock('2026-11-10T12:00:00+02:00');
  const at = '2026-11-09T12:00:00+02:00';
  await buy(
    members.a,
    [
      { mainGroup: 'food', amountCents: 35_000 },
      { mainGroup: 'services', amountCents: 5_000 },
    ],
    at,
  );
  await buy(members.b, [{ mainGroup: 'food', amountCents: 12_000 }], at);
  await buy(members.c, [{ mainGroup: 'food', amountCents: 2_000 }], at);
  await buy(members.erased, [{ mainGroup: 'food', amountCents: 50_000 }], at);
});
afterAll(() => api.stop());

describe('the rules', () => {
  it('show the admin the rules in force and next, with their history; a closed month is refused', async () => {
    const shown = (await call(api, 'GET', '/benefit-rules', { as: { role: 'marketing' } })).body;
    expect(shown.inForce).toMatchObject({ rulesId: 'R-2026-11-1', effectiveFrom: '2026-11' });
    expect(shown.inForce.setBy).toBeUndefined();
    const closed = await call(api, 'POST', '/benefit-rules', {
      as: ADMIN,
      body: { effectiveFrom: '2026-10', tiers: TIERS, groups: {} },
    });
    expect(closed.body.errors).toEqual([
      { field: 'effectiveFrom', message: expect.stringContaining('2026-11') },
    ]);
    expect((await call(api, 'POST', '/benefit-rules', { as: { role: 'marketing' }, body: {} })).status).toBe(
      403,
    );
  });
});

describe('a month’s statements', () => {
  it('show this month so far to the member, and the tier to the till', async () => {
    const mine = await benefitsOf(members.a);
    expect(mine.thisMonth).toMatchObject({
      month: '2026-11',
      countedCents: 35_000,
      tierPercent: 2,
      benefitCents: 700,
      nextTier: { fromCents: 60_000, percent: 3, missingCents: 25_000 },
    });
    expect((await call(api, 'GET', `/pos/members/${cards.a}`, { as: POS })).body).toMatchObject({
      tierPercent: 2,
    });
  });

  it('are written once the month closes, one per buyer, once, and none for a member erased meanwhile', async () => {
    setClock('2026-12-03T04:00:00+02:00');
    // The first run is stopped after its first page, and a member is erased before the rest.
    const first = await writeStatements({
      statements: statementStore(),
      rules: benefitRulesStore(),
      leases: jobLeases(),
      timeLeft: () => 0,
    });
    expect(first.done).toBe(false);
    await call(api, 'DELETE', `/members/${members.erased}?reason=member-request`, { as: ADMIN });
    let result = await benefitsJob({});
    while (result.done === false) result = await benefitsJob({});
    const again = await benefitsJob({});
    expect(again).toMatchObject({ month: '2026-11', done: true });
    const statement = (await benefitsOf(members.a)).statements;
    expect(statement).toEqual([
      expect.objectContaining({
        month: '2026-11',
        countedCents: 35_000,
        tierPercent: 2,
        rates: { food: 2, services: 'excluded' },
        benefitCents: 700,
        payableCents: 700,
        payment: { status: 'unpaid' },
      }),
    ]);
    for (const who of ['b', 'c'] as const)
      expect((await benefitsOf(members[who])).statements).toHaveLength(1);
    const left = (await itemsMentioning(members.erased)).map((item) => item.type);
    expect(left).not.toContain('benefit-statement');
  });

  it('are read by customer service on the member’s page, and the read is in the member’s trail', async () => {
    const seen = await call(api, 'GET', `/members/${members.b}/benefits`, { as: CUSTOMER_SERVICE });
    expect(seen.body.unpaidCents).toBe(120);
    const trail = (await call(api, 'GET', `/members/${members.b}/audit`, { as: ADMIN })).body.entries;
    expect(trail).toContainEqual(expect.objectContaining({ action: 'read', fields: ['benefits'] }));
  });
});

describe('the payout', () => {
  it('pays each member with a card in use at least a euro, once, in a file and its manifest', async () => {
    setClock('2026-12-05T05:30:00+02:00');
    const paid = await payoutJob({});
    expect(paid).toMatchObject({ payoutId: 'BP-202611-1', lines: 1, totalCents: 700 });
    const csv = await read('benefit-payouts/outbound/2026-11/BP-202611-1.csv');
    expect(parse(csv, { columns: true, delimiter: ';' })).toEqual([
      {
        payoutId: 'BP-202611-1',
        sequence: '1',
        customerNumber: members.a,
        cardType: 'CASH_CARD',
        cardReference: cards.a,
        month: '2026-11',
        benefitCents: '700',
        statementId: `${members.a}-2026-11`,
      },
    ]);
    const manifest = JSON.parse(await read('benefit-payouts/outbound/2026-11/BP-202611-1.manifest.json'));
    expect(manifest).toMatchObject({
      formatVersion: 1,
      payoutId: 'BP-202611-1',
      records: 1,
      totalCents: 700,
    });
    // B has no card, C earned under a euro: both wait. A second run pays nothing twice.
    expect((await benefitsOf(members.b)).unpaidCents).toBe(120);
    expect((await benefitsOf(members.c)).unpaidCents).toBe(0);
    expect(await payoutJob({})).toMatchObject({ lines: 0 });
    expect((await benefitsOf(members.a)).inPayoutCents).toBe(700);
  });

  it('applies the partner’s answer once: credited is paid, and the same file again changes nothing', async () => {
    const key = 'benefit-payouts/inbound/BP-202611-1.ack.csv';
    const body = `payoutId;sequence;customerNumber;status;reason;at\nBP-202611-1;1;${members.a};CREDITED;;2026-12-06T10:00:00Z\nBP-202611-1;2;1234567897;CREDITED;;2026-12-06T10:00:00Z\n`;
    for (let delivery = 0; delivery < 2; delivery++) {
      await s3.send(new PutObjectCommand({ Bucket: bucketName(), Key: key, Body: body }));
      await dispatch({
        Records: [
          { eventName: 'ObjectCreated:Put', s3: { bucket: { name: bucketName() }, object: { key } } },
        ],
      });
    }
    const report = JSON.parse(await read('benefit-payouts/reports/BP-202611-1.ack.csv.report.json'));
    expect(report).toMatchObject({
      lines: 2,
      credited: 0,
      alreadyApplied: 1,
      refused: [{ line: 3, reason: 'no such line in that payout' }],
    });
    const a = await benefitsOf(members.a);
    expect([a.paidCents, a.statements[0].payment.status]).toEqual([700, 'paid']);
  });
});

describe('a receipt after the month closed', () => {
  it('never rewrites its statement: the difference is carried to the next one', async () => {
    setClock('2026-12-10T12:00:00+02:00');
    // A returns 100 € of November's food: November's tier falls to 1 %, 2,50 € instead of 7 €.
    expect(
      (await buy(members.a, [{ mainGroup: 'food', amountCents: -10_000 }], '2026-11-20T12:00:00+02:00'))
        .status,
    ).toBe(201);
    expect(
      (await buy(members.a, [{ mainGroup: 'food', amountCents: 20_000 }], '2026-12-09T12:00:00+02:00'))
        .status,
    ).toBe(201);
    setClock('2027-01-03T04:00:00+02:00');
    let result = await benefitsJob({});
    while (result.done === false) result = await benefitsJob({});
    const [december, november] = (await benefitsOf(members.a)).statements;
    expect(november).toMatchObject({ month: '2026-11', benefitCents: 700 });
    expect(december).toMatchObject({
      month: '2026-12',
      benefitCents: 200,
      adjustments: [{ month: '2026-11', cents: -450 }],
      payableCents: -250,
    });
    // Carried once: January's statement carries nothing more of November.
    setClock('2027-01-12T12:00:00+02:00');
    await buy(members.a, [{ mainGroup: 'food', amountCents: 20_000 }], '2027-01-10T12:00:00+02:00');
    setClock('2027-02-03T04:00:00+02:00');
    // This time the ten segments run side by side, each under its own lease and progress.
    const segments = await Promise.all(SEGMENTS.map((segment) => benefitsJob({ segment })));
    expect(segments.reduce((sum, run) => sum + (run.written ?? 0), 0)).toBe(1);
    expect(await benefitsJob({})).toMatchObject({ month: '2027-01', done: true, written: 0 });
    expect((await benefitsOf(members.a)).statements[0]).toMatchObject({ month: '2027-01', adjustments: [] });
  });
});

describe('a payout the partner rejects', () => {
  const deliverAnswer = async (payoutId: string, body: string) => {
    const key = `benefit-payouts/inbound/${payoutId}.ack.csv`;
    await s3.send(new PutObjectCommand({ Bucket: bucketName(), Key: key, Body: body }));
    await dispatch({
      Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: bucketName() }, object: { key } } }],
    });
  };

  it('holds the benefit unpaid until customer service has checked it, then pays it once', async () => {
    // B's November benefit waited for a card; one comes in February, and January's payout pays it.
    setClock('2027-02-04T12:00:00+02:00');
    await orderAndAnswerCard(api, members.b, 'PRODUCED', { cardNumber: '6000777788889999' });
    setClock('2027-02-05T05:30:00+02:00');
    expect(await payoutJob({})).toMatchObject({ payoutId: 'BP-202701-1', lines: 1, totalCents: 120 });
    await deliverAnswer(
      'BP-202701-1',
      `payoutId;sequence;customerNumber;status;reason;at\nBP-202701-1;1;${members.b};REJECTED;card account closed;2027-02-06T09:00:00Z\n`,
    );
    const held = await benefitsOf(members.b);
    expect(held.unpaidCents).toBe(120);
    expect(held.statements[0].payment).toEqual({ status: 'unpaid', heldBy: 'BP-202701-1' });
    const queue = (await call(api, 'GET', '/work-queues/payout-rejected', { as: CUSTOMER_SERVICE })).body;
    expect(queue.items).toContainEqual(
      expect.objectContaining({
        customerNumber: members.b,
        ref: 'BP-202701-1',
        reason: 'card account closed',
      }),
    );

    // Paid again to the card refused, it would be refused again: the next run holds it.
    setClock('2027-02-06T05:30:00+02:00');
    expect(await payoutJob({})).toMatchObject({ lines: 0, held: 1 });

    const resolved = await call(api, 'POST', '/work-queues/payout-rejected/resolutions', {
      as: CUSTOMER_SERVICE,
      body: { customerNumber: members.b, ref: 'BP-202701-1', resolution: 'mark-checked' },
    });
    expect(resolved.status).toBe(200);
    expect(
      (await call(api, 'GET', '/work-queues/payout-rejected', { as: CUSTOMER_SERVICE })).body.items,
    ).toEqual([]);
    setClock('2027-02-07T05:30:00+02:00');
    expect(await payoutJob({})).toMatchObject({ payoutId: 'BP-202701-2', lines: 1, totalCents: 120 });
    expect(await payoutJob({})).toMatchObject({ lines: 0 });
    const trail = (await call(api, 'GET', `/members/${members.b}/audit`, { as: ADMIN })).body.entries;
    expect(trail).toContainEqual(
      expect.objectContaining({ action: 'resolve-work', fields: ['queue.payout-rejected'] }),
    );
  });
});
