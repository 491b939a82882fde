import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { countReceipt } from '../../shared/purchases/count-receipt.ts';
import { Receipt } from '../../shared/purchases/schemas.ts';
import { memberStore } from '../../shared/store/default-stores.ts';
import type { LocalApi } from '../../infra/local/register.ts';
import { newCustomerNumber } from '../../shared/members/new-customer-number.ts';
import { createDocumentClient, tableName } from '../../shared/store/dynamo.ts';
import { DynamoPurchaseStore } from '../../shared/store/dynamo-purchase-store.ts';
import { cardKey } from '../../shared/store/keys.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { aReceipt, aRegistration, CUSTOMER_SERVICE, POS } from '../support/fixtures.ts';

let api: LocalApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const newMember = async (): Promise<string> =>
  (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() })).body.customerNumber;
const post = (body: unknown) => call(api, 'POST', '/purchases', { as: POS, body });
const months = (n: string, from = '2024-01', to = '2026-11') =>
  call(api, 'GET', `/members/${n}/purchases?from=${from}&to=${to}`, { as: CUSTOMER_SERVICE });

describe('counting a receipt exactly once', () => {
  it('counts a receipt and answers a resent one the same, without counting it again', async () => {
    const n = await newMember();
    const receipt = aReceipt(n, {
      lines: [
        { mainGroup: 'food', amountCents: 1250 },
        { mainGroup: 'beauty', amountCents: 3990 },
        { mainGroup: 'food', amountCents: 250 },
      ],
    });
    const first = await post(receipt);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      result: 'counted',
      storeId: receipt.storeId,
      receiptId: receipt.receiptId,
      month: '2026-10',
    });
    for (let i = 0; i < 3; i++) {
      const again = await post(receipt);
      expect(again.status).toBe(201);
      expect(again.body).toEqual({ ...first.body, result: 'duplicate' });
    }
    expect((await months(n)).body.months).toEqual([
      { month: '2026-10', groups: { food: 1500, beauty: 3990 }, receipts: 1 },
    ]);
  });

  it('counts 20 concurrent retries of one receipt once', async () => {
    const n = await newMember();
    const receipt = aReceipt(n, { lines: [{ mainGroup: 'home', amountCents: 12345 }] });
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(receipt)));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(answers.filter((a) => a.body.result === 'counted')).toHaveLength(1);
    expect((await months(n)).body.months).toEqual([
      { month: '2026-10', groups: { home: 12345 }, receipts: 1 },
    ]);
    // The copies that lost took nothing back from the one that counted: its identity stands.
    const other = await newMember();
    expect((await post({ ...receipt, customerNumber: other })).status).toBe(409);
  });

  it('sums 200 concurrent distinct receipts of one member exactly', async () => {
    const n = await newMember();
    const receipts = Array.from({ length: 200 }, (_, i) =>
      aReceipt(n, { lines: [{ mainGroup: i % 2 ? 'sports' : 'toys', amountCents: 100 + i }] }),
    );
    // As a till does: a 503 (the table busy, nothing changed) is sent again after its Retry-After.
    const tillPost = async (receipt: unknown) => {
      for (let attempt = 1; ; attempt++) {
        const answer = await post(receipt);
        if (answer.status !== 503 || attempt === 5) return answer;
        await new Promise((resolve) => setTimeout(resolve, Number(answer.headers.get('retry-after')) * 1000));
      }
    };
    const answers = await Promise.all(receipts.map(tillPost));
    expect(answers.map((a) => a.status)).toEqual(Array(200).fill(201));
    const expected = { sports: 0, toys: 0 };
    receipts.forEach((r, i) => (expected[i % 2 ? 'sports' : 'toys'] += 100 + i));
    expect((await months(n)).body.months).toEqual([{ month: '2026-10', groups: expected, receipts: 200 }]);
  });
});

describe('a receipt’s identity is its store and receipt id', () => {
  it('refuses the same store and receipt id for another month or another member, counting nothing twice', async () => {
    const n = await newMember();
    const other = await newMember();
    const receipt = aReceipt(n);
    expect((await post(receipt)).body.result).toBe('counted');
    const anotherMonth = await post({ ...receipt, purchasedAt: '2026-09-15T12:00:00+03:00' });
    const anotherMember = await post({ ...receipt, customerNumber: other });
    for (const answer of [anotherMonth, anotherMember]) {
      expect(answer.status).toBe(409);
      expect(answer.body.type).toBe('https://moymore.fi/problems/receipt-id-taken');
      expect(answer.text).not.toContain(n);
      expect(answer.text).not.toContain(other);
    }
    expect((await months(n)).body.months).toEqual([
      { month: '2026-10', groups: { food: 1250 }, receipts: 1 },
    ]);
    expect((await months(other)).body.months).toEqual([]);
  });
});

describe('purchase dates the register keeps', () => {
  it('refuses receipts older than the 36 months kept, and impossible years, storing nothing', async () => {
    const n = await newMember();
    for (const purchasedAt of [
      '0000-06-15T12:00:00Z',
      '0001-06-15T12:00:00Z',
      '1900-01-15T12:00:00+02:00',
      '2020-06-15T12:00:00+03:00',
    ]) {
      const answer = await post(aReceipt(n, { purchasedAt }));
      expect([400, 422]).toContain(answer.status);
      if (answer.status === 422) expect(answer.body.type).toBe('https://moymore.fi/problems/receipt-too-old');
    }
    // On 27 November 2026 in Helsinki the register keeps December 2023 on: its first instant is kept, the one before it not.
    expect((await post(aReceipt(n, { purchasedAt: '2023-12-01T00:00:00+02:00' }))).status).toBe(201);
    expect((await post(aReceipt(n, { purchasedAt: '2023-11-30T23:59:59+02:00' }))).status).toBe(422);
    const stored = await new DynamoPurchaseStore(createDocumentClient(), tableName()).months(
      n,
      '0000-01',
      '9999-12',
    );
    expect(stored).toHaveLength(1);
  });
});

describe('months are Helsinki months', () => {
  it('puts 00:30 on 1 December in Helsinki in December, though UTC still says November', async () => {
    const n = await newMember();
    const december = await post(aReceipt(n, { purchasedAt: '2025-11-30T22:30:00Z' }));
    const november = await post(aReceipt(n, { purchasedAt: '2025-11-30T21:59:59Z' }));
    const summer = await post(aReceipt(n, { purchasedAt: '2026-05-31T21:30:00Z' }));
    expect([december.body.month, november.body.month, summer.body.month]).toEqual([
      '2025-12',
      '2025-11',
      '2026-06',
    ]);
  });
});

describe('a receipt counted by two writes', () => {
  it('leaves nothing after a crash between them that the same receipt sent again does not complete', async () => {
    const n = await newMember();
    await post(aReceipt(n)); // the month exists: the receipt's two single writes, not the first's transaction
    const real = createDocumentClient();
    // The run dies at the second write: the month's update never reaches the table.
    const dying = {
      send: (command: unknown) =>
        command instanceof UpdateCommand
          ? Promise.reject(new Error('the run died here'))
          : real.send(command as PutCommand),
    } as unknown as typeof real;
    const receipt = Receipt.parse(aReceipt(n, { lines: [{ mainGroup: 'beauty', amountCents: 990 }] }));
    const stores = (db: typeof real) => ({
      purchases: new DynamoPurchaseStore(db, tableName()),
      members: memberStore(),
    });
    await expect(countReceipt(receipt, stores(dying))).rejects.toThrow('the run died here');
    // Its identity was written: another member cannot take the receipt id meanwhile…
    const other = await newMember();
    expect((await post({ ...receipt, customerNumber: other })).status).toBe(409);
    // …and the till's retry counts it, once.
    expect((await countReceipt(receipt, stores(real))).result).toBe('counted');
    expect((await countReceipt(receipt, stores(real))).result).toBe('duplicate');
    expect((await months(n)).body.months).toEqual([
      { month: '2026-10', groups: { food: 1250, beauty: 990 }, receipts: 2 },
    ]);
  });

  it('takes back the identity of a receipt that did not count, so a corrected one may use the id', async () => {
    const n = await newMember();
    await post(aReceipt(n, { lines: [{ mainGroup: 'electronics', amountCents: 5000 }] }));
    const tooMuch = aReceipt(n, { lines: [{ mainGroup: 'electronics', amountCents: -6000 }] });
    expect((await post(tooMuch)).status).toBe(422);
    const corrected = await post({ ...tooMuch, lines: [{ mainGroup: 'electronics', amountCents: -5000 }] });
    expect(corrected.body.result).toBe('counted');
  });
});

describe('returns', () => {
  it('lets a return take a group down to zero, and no further', async () => {
    const n = await newMember();
    await post(aReceipt(n, { lines: [{ mainGroup: 'electronics', amountCents: 5000 }] }));
    const partial = await post(aReceipt(n, { lines: [{ mainGroup: 'electronics', amountCents: -3000 }] }));
    expect(partial.body.result).toBe('counted');
    const tooMuch = await post(aReceipt(n, { lines: [{ mainGroup: 'electronics', amountCents: -2001 }] }));
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.type).toBe('https://moymore.fi/problems/return-exceeds-purchases');
    const elsewhere = await post(
      aReceipt(n, { lines: [{ mainGroup: 'books-stationery', amountCents: -100 }] }),
    );
    expect(elsewhere.status).toBe(422);
    const emptyMonth = await post(
      aReceipt(n, {
        purchasedAt: '2026-09-10T10:00:00+03:00',
        lines: [{ mainGroup: 'food', amountCents: -1 }],
      }),
    );
    expect(emptyMonth.status).toBe(422);
    expect((await months(n)).body.months).toEqual([
      { month: '2026-10', groups: { electronics: 2000 }, receipts: 2 },
    ]);
  });
});

describe('refused receipts are not stored', () => {
  it('rejects a receipt of an unknown member with its own problem type', async () => {
    const stranger = newCustomerNumber();
    const answer = await post(aReceipt(stranger));
    expect(answer.status).toBe(422);
    expect(answer.body.type).toBe('https://moymore.fi/problems/unknown-member');
    const stored = await new DynamoPurchaseStore(createDocumentClient(), tableName()).months(
      stranger,
      '2000-01',
      '2100-12',
    );
    expect(stored).toEqual([]);
  });

  it('names an unknown main group, and refuses a receipt without lines', async () => {
    const n = await newMember();
    const unknown = await post(aReceipt(n, { lines: [{ mainGroup: 'candy', amountCents: 100 }] }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { field: 'lines.0.mainGroup', message: "unknown main product group 'candy'" },
    ]);
    const empty = await post(aReceipt(n, { lines: [] }));
    expect(empty.body.errors).toEqual([{ field: 'lines', message: 'a receipt needs at least one line' }]);
    const fractional = await post(aReceipt(n, { lines: [{ mainGroup: 'food', amountCents: 12.5 }] }));
    expect(fractional.status).toBe(400);
    expect((await months(n)).body.months).toEqual([]);
  });
});

describe('a batch from a till that was offline', () => {
  it('answers each receipt on its own: counted, duplicate, rejected', async () => {
    const n = await newMember();
    const earlier = aReceipt(n);
    await post(earlier);
    const fresh = aReceipt(n, { lines: [{ mainGroup: 'services', amountCents: 4500 }] });
    const batch = [
      fresh,
      earlier,
      fresh,
      { ...aReceipt(n), lines: [{ mainGroup: 'candy', amountCents: 1 }] },
      aReceipt(newCustomerNumber()),
      { storeId: 'HKI-01', receiptId: 'broken' },
      aReceipt(n, { purchasedAt: '2026-08-01T09:00:00+03:00' }),
    ];
    const answer = await call(api, 'POST', '/purchases/batch', { as: POS, body: { receipts: batch } });
    expect(answer.status).toBe(200);
    const results = answer.body.results as { index: number; result: string; problem?: { type: string } }[];
    expect(results.map((r) => r.result)).toEqual([
      expect.stringMatching(/counted|duplicate/),
      'duplicate',
      expect.stringMatching(/counted|duplicate/),
      'rejected',
      'rejected',
      'rejected',
      'counted',
    ]);
    expect(
      results
        .filter((r) => r.index === 0 || r.index === 2)
        .map((r) => r.result)
        .sort(),
    ).toEqual(['counted', 'duplicate']);
    expect(results[4]!.problem!.type).toBe('https://moymore.fi/problems/unknown-member');
    expect(answer.body).toMatchObject({ counted: 2, duplicates: 2, rejected: 3, retry: 0 });
    expect((await months(n)).body.months).toEqual([
      { month: '2026-08', groups: { food: 1250 }, receipts: 1 },
      { month: '2026-10', groups: { food: 1250, services: 4500 }, receipts: 2 },
    ]);
  });

  it('takes at most 100 receipts', async () => {
    const n = await newMember();
    const answer = await call(api, 'POST', '/purchases/batch', {
      as: POS,
      body: { receipts: Array.from({ length: 101 }, () => aReceipt(n)) },
    });
    expect(answer.status).toBe(400);
    expect((await months(n)).body.months).toEqual([]);
  });
});

describe('reading monthly totals', () => {
  it('shows a member their own months, hides others’, and caps a call at 36 months', async () => {
    const n = await newMember();
    await post(aReceipt(n));
    const own = await call(api, 'GET', `/members/${n}/purchases?from=2026-01&to=2026-12`, {
      as: { role: 'member', customerNumber: n },
    });
    expect(own.body.months).toHaveLength(1);
    const other = await call(api, 'GET', `/members/${await newMember()}/purchases?from=2026-01&to=2026-12`, {
      as: { role: 'member', customerNumber: n },
    });
    expect(other.status).toBe(404);
    const tooLong = await months(n, '2023-01', '2026-01');
    expect(tooLong.status).toBe(400);
    expect((await months(n, '2023-02', '2026-01')).status).toBe(200);
    expect((await months(n, '2026-05', '2026-04')).status).toBe(400);
  });
});

describe('the till’s scan', () => {
  it('tells a member and the card state, and nothing personal', async () => {
    const n = await newMember();
    const byNumber = await call(api, 'GET', `/pos/members/${n}`, { as: POS });
    expect(byNumber.body).toEqual({ member: true, card: { type: 'NONE', status: 'NONE' }, tierPercent: 0 });

    const cardNumber = `9${String(Date.now()).padStart(15, '0')}`.slice(0, 16);
    await createDocumentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...cardKey(cardNumber), type: 'card', customerNumber: n },
      }),
    );
    const byCard = await call(api, 'GET', `/pos/members/${cardNumber}`, { as: POS });
    expect(byCard.body).toEqual({ member: true, card: { type: 'NONE', status: 'NONE' }, tierPercent: 0 });
    const receipt = await post({ ...aReceipt(n), customerNumber: undefined, cardNumber });
    expect(receipt.status).toBe(201);

    expect((await call(api, 'GET', `/pos/members/${newCustomerNumber()}`, { as: POS })).status).toBe(404);
    expect((await call(api, 'GET', '/pos/members/12345', { as: POS })).status).toBe(400);
  });
});
