import { randomInt } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import type { TokenRequest } from '../../infra/local/local-jwt.ts';
import { createDocumentClient, tableName } from '../../shared/store/dynamo.ts';
import { searchLogKey } from '../../shared/store/keys.ts';
import { helsinkiDate } from '../../shared/time/helsinki.ts';
import { ADMIN, aRegistration, CUSTOMER_SERVICE, uniqueSurname } from '../support/fixtures.ts';
import { call, startTestApi } from '../support/local-api.ts';

let api: LocalApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

async function register(surname: string, firstNames: string, overrides: Record<string, unknown> = {}) {
  const response = await call(api, 'POST', '/members', {
    as: CUSTOMER_SERVICE,
    body: aRegistration({ surname, firstNames, ...overrides }),
  });
  expect(response.status).toBe(201);
  return response.body.customerNumber as string;
}

const search = (query: string, as: TokenRequest = CUSTOMER_SERVICE) =>
  call(api, 'GET', `/member-search?${query}`, { as });

describe('GET /member-search', () => {
  it('finds by the surname’s beginning, case ignored, in Finnish order (å, ä, ö after z)', async () => {
    const stem = uniqueSurname('Zq');
    const names = [`${stem}ö`, `${stem}a`, `${stem}ä`, `${stem}z`, `${stem}å`];
    for (const surname of names) await register(surname, 'Matti');
    const found = await search(`surname=${encodeURIComponent(stem.toUpperCase())}`);
    expect(found.status).toBe(200);
    expect(found.body.members.map((m: { surname: string }) => m.surname)).toEqual([
      `${stem}a`,
      `${stem}z`,
      `${stem}å`,
      `${stem}ä`,
      `${stem}ö`,
    ]);
    // ä is not a: the search for "…a" finds only the a.
    const onlyA = await search(`surname=${encodeURIComponent(`${stem}a`)}`);
    expect(onlyA.body.members).toHaveLength(1);
  });

  it('finds a name in another script, and refuses a surname that has no letter', async () => {
    const stem = `Иван${Array.from({ length: 4 }, () => 'абвгдежзийклмнопрст'[randomInt(19)]).join('')}`;
    const n = await register(stem, 'Пётр');
    const found = await search(`surname=${encodeURIComponent(stem.slice(0, 6).toUpperCase())}`);
    expect(found.body.members.map((m: { customerNumber: string }) => m.customerNumber)).toEqual([n]);
    const none = await search(`surname=${encodeURIComponent("'-")}`);
    expect(none.status).toBe(400);
    expect(none.body.errors[0].field).toBe('surname');
  });

  it('ignores accents other than å, ä and ö', async () => {
    const stem = uniqueSurname('Zé');
    const n = await register(`${stem}ron`, 'Jérôme');
    const found = await search(`surname=${encodeURIComponent(`ze${stem.slice(2)}ron`)}&firstName=jerome`);
    expect(found.body.members.map((m: { customerNumber: string }) => m.customerNumber)).toEqual([n]);
  });

  it('narrows by first name, birth date or postal code, and shows no contact details', async () => {
    const surname = uniqueSurname('Virtanen');
    const matti = await register(surname, 'Matti Juhani', { birthDate: '1970-03-01', postalCode: '00100' });
    const maija = await register(surname, 'Maija', {
      birthDate: '1980-04-02',
      postalCode: '33100',
      postOffice: 'Tampere',
    });
    const ids = (r: { body: { members: { customerNumber: string }[] } }) =>
      r.body.members.map((m) => m.customerNumber);

    expect(ids(await search(`surname=${surname}&firstName=mat`))).toEqual([matti]);
    expect(ids(await search(`surname=${surname}&birthDate=1980-04-02`))).toEqual([maija]);
    expect(ids(await search(`surname=${surname}&postalCode=33100`))).toEqual([maija]);
    const hit = (await search(`surname=${surname}&postalCode=33100`)).body.members[0];
    expect(Object.keys(hit).sort()).toEqual(
      ['birthDate', 'customerNumber', 'firstNames', 'flags', 'postOffice', 'postalCode', 'surname'].sort(),
    );
  });

  it('pages 20 at a time with a cursor, never repeating or skipping a member', async () => {
    const surname = uniqueSurname('Korhonen');
    const registered = new Set<string>();
    for (let i = 0; i < 45; i += 1)
      registered.add(
        await register(surname, `Etu${'abcdefghij'[Math.floor(i / 10)]}${'abcdefghij'[i % 10]}`),
      );
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await search(`surname=${surname}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.members.length).toBeLessThanOrEqual(20);
      seen.push(...page.body.members.map((m: { customerNumber: string }) => m.customerNumber));
      cursor = page.body.next;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(45);
    expect(new Set(seen)).toEqual(registered);
  });

  it('refuses a forged cursor and an empty surname, naming the field', async () => {
    const forged = await search('surname=abc&cursor=bm90LWEta2V5');
    expect(forged.status).toBe(400);
    expect(forged.body.errors[0].field).toBe('cursor');
    // A real cursor of another search (another partition, another range) is not this search's.
    const surname = uniqueSurname('Kursori');
    for (let i = 0; i < 21; i += 1) await register(surname, `Etu${'abcdefghijklmnopqrstuvwxyz'[i]}`);
    const cursor = (await search(`surname=${surname}`)).body.next as string;
    expect(cursor).toBeTruthy();
    for (const other of [
      'surname=zzz',
      `surname=${surname.slice(0, 3)}x`,
      'surname=abc&birthDate=1980-01-01',
    ]) {
      const borrowed = await search(`${other}&cursor=${cursor}`);
      expect(borrowed.status, other).toBe(400);
    }
    const queue = await call(api, 'GET', `/work-queues/address-doubtful?cursor=${cursor}`, {
      as: CUSTOMER_SERVICE,
    });
    expect(queue.status).toBe(400);
    const empty = await search('surname=%20');
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].field).toBe('surname');
  });

  it('no longer finds a member once their erasure has begun', async () => {
    const surname = uniqueSurname('Poistettava');
    const n = await register(surname, 'Eero');
    expect((await search(`surname=${surname}`)).body.members).toHaveLength(1);
    const erased = await call(api, 'DELETE', `/members/${n}?reason=member-request`, { as: ADMIN });
    expect(erased.status).toBeLessThan(300);
    expect((await search(`surname=${surname}`)).body.members).toHaveLength(0);
  });

  it('is audited as one search: who, the criteria’s names (not values), and whom it listed', async () => {
    const surname = uniqueSurname('Auditoitava');
    const n = await register(surname, 'Aino', { postalCode: '00100' });
    const before = new Date().toISOString();
    await search(`surname=${surname}&postalCode=00100`);
    const { pk } = searchLogKey(helsinkiDate(new Date()), before, '');
    const { Items = [] } = await createDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND sk >= :from',
        ExpressionAttributeValues: { ':pk': pk, ':from': before },
      }),
    );
    const entry = Items.find((item) => (item.listed as string[]).includes(n));
    expect(entry).toMatchObject({
      role: 'customer-service',
      criteria: ['surname', 'postalCode'],
      listed: [n],
    });
    expect(JSON.stringify(entry)).not.toContain(surname);
  });

  it('is for staff who find members: not marketing, not a member, not the tills', async () => {
    for (const role of ['marketing', 'pos'] as const)
      expect((await search('surname=abc', { role })).status).toBe(403);
  });
});
