import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { handler as reindexJob } from '../../functions/jobs/reindex.ts';
import { createDocumentClient, tableName } from '../../shared/store/dynamo.ts';
import { memberKey, purchaseMonthKey } from '../../shared/store/keys.ts';
import { campaignStore, statementStore } from '../../shared/store/default-stores.ts';
import { aStoredMember, CUSTOMER_SERVICE } from '../support/fixtures.ts';
import { call, startTestApi } from '../support/local-api.ts';

let api: LocalApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

describe('the reindex job, once after an upgrade', () => {
  it('puts members saved before the name search, the work queues and the post audience into them (a dry run counts and writes nothing), and a second run writes nothing', async () => {
    // A profile as an earlier version of the register stored it: no index attributes, no queue item.
    const n = '4000000007';
    const surname = `Vanhaversio${Date.now().toString(36).replace(/\d/g, 'x')}`;
    await createDocumentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...memberKey(n),
          type: 'member',
          ...aStoredMember(n),
          surname,
          card: { type: 'CASH_CARD', status: 'RETURNED', orderedAt: '2026-01-01T00:00:00.000Z' },
          flags: { deceased: false, protectedAddress: false, restricted: false, addressDoubtful: true },
        },
      }),
    );
    const search = () => call(api, 'GET', `/member-search?surname=${surname}`, { as: CUSTOMER_SERVICE });
    const onQueue = async (queue: string) =>
      (await call(api, 'GET', `/work-queues/${queue}`, { as: CUSTOMER_SERVICE })).body.items.some(
        (item: { customerNumber: string }) => item.customerNumber === n,
      );
    const inPostAudience = async () => {
      for await (const page of campaignStore().reachable('post', 'legitimate-interest', 100))
        if (page.includes(n)) return true;
      return false;
    };
    const before = async () => [
      (await search()).body.members,
      await onQueue('address-doubtful'),
      await inPostAudience(),
    ];
    expect(await before()).toEqual([[], false, false]);

    // A dry run counts what the migration would do and changes nothing.
    expect(await reindexJob({ dryRun: true })).toMatchObject({ dryRun: true, updated: 1 });
    expect(await before()).toEqual([[], false, false]);

    const first = await reindexJob();
    expect(first.updated).toBeGreaterThanOrEqual(1);
    expect((await search()).body.members.map((m: { customerNumber: string }) => m.customerNumber)).toEqual([
      n,
    ]);
    expect(await onQueue('address-doubtful')).toBe(true);
    expect(await onQueue('card-returned')).toBe(true);
    // Post needs no consent: a member the earlier register never asked is in the post audience.
    expect(await inPostAudience()).toBe(true);

    // The benefits read a month's buyers from an index: months made before it are put on it.
    await createDocumentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...purchaseMonthKey(n, '2026-11'), type: 'purchases', group_food: 4200, receipts: 1 },
      }),
    );
    const november = async () => {
      const buyers: string[] = [];
      for await (const page of statementStore().buyers('2026-11', n[0]!, undefined, 100))
        buyers.push(...page.map((buyer) => buyer.customerNumber));
      return buyers;
    };
    expect(await november()).toEqual([]);
    expect(await reindexJob({ dryRun: true })).toMatchObject({ updated: 0, monthsJoined: 1 });
    expect(await november()).toEqual([]);
    expect(await reindexJob()).toMatchObject({ updated: 0, monthsJoined: 1 });
    expect(await november()).toEqual([n]);

    expect(await reindexJob()).toMatchObject({ updated: 0, monthsJoined: 0 });
  });
});
