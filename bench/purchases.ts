import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { purchaseMonthKey } from '../shared/store/keys.ts';
import { freePort, LOCAL, localEnvironment, startServices } from '../infra/local/services.ts';
import { config } from '../shared/config.ts';
import { countBatch } from '../shared/purchases/count-batch.ts';
import { countReceipt } from '../shared/purchases/count-receipt.ts';
import { receiptCount } from '../shared/purchases/receipt.ts';
import { Receipt, type ReceiptInput } from '../shared/purchases/schemas.ts';
import { createDocumentClient } from '../shared/store/dynamo.ts';
import { DynamoMemberStore } from '../shared/store/dynamo-member-store.ts';
import { DynamoPurchaseStore } from '../shared/store/dynamo-purchase-store.ts';
import { aRegistration, aReceipt } from '../test/support/fixtures.ts';
import { registerMember } from '../shared/members/register.ts';
import { RegisterMemberBody } from '../shared/members/schemas.ts';

/** Every request the stores send, with the write capacity DynamoDB says each consumed. */
interface Meter {
  requests: number;
  writeUnits: number;
}

function meteredClient(meter: Meter, askCapacity: boolean) {
  const raw = new DynamoDBClient({});
  raw.middlewareStack.add(
    (next) => async (args) => {
      meter.requests += 1;
      // Ask for the consumed capacity; the stores themselves never do. Left out when timing throughput.
      if (askCapacity) (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      // One entry for a single-item write, a list (per table) for a transaction.
      type Consumed = { CapacityUnits?: number; WriteCapacityUnits?: number };
      const consumed = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
      for (const entry of [consumed ?? []].flat()) {
        meter.writeUnits += entry.WriteCapacityUnits ?? entry.CapacityUnits ?? 0;
      }
      return result;
    },
    { step: 'initialize', name: 'benchMeter' },
  );
  return createDocumentClient(raw);
}

const staff = { actor: 'bench', role: 'customer-service', via: 'bench', requestId: 'bench' } as const;

export async function measurePurchases() {
  const services = await startServices({ dynamoPort: await freePort(), s3Port: await freePort() });
  try {
    Object.assign(process.env, localEnvironment(services));
    const meter: Meter = { requests: 0, writeUnits: 0 };
    const storesOver = (db: ReturnType<typeof createDocumentClient>) => ({
      members: new DynamoMemberStore(db, LOCAL.tableName),
      purchases: new DynamoPurchaseStore(db, LOCAL.tableName),
    });
    const stores = storesOver(meteredClient(meter, true));
    const timedStores = storesOver(meteredClient(meter, false));
    const newMember = async () =>
      (await registerMember(staff, RegisterMemberBody.parse(aRegistration()), stores.members)).customerNumber;
    const receiptOf = (n: string, overrides: Record<string, unknown> = {}): ReceiptInput =>
      Receipt.parse(
        aReceipt(n, {
          lines: [
            { mainGroup: 'food', amountCents: 1234 },
            { mainGroup: 'beauty', amountCents: 990 },
          ],
          ...overrides,
        }),
      );

    // One member's month, receipt by receipt, up to 60.
    const n = await newMember();
    const perReceipt: Meter[] = [];
    for (let i = 0; i < 60; i++) {
      const before = { ...meter };
      await countReceipt(receiptOf(n), stores);
      perReceipt.push({
        requests: meter.requests - before.requests,
        writeUnits: meter.writeUnits - before.writeUnits,
      });
    }
    const later = perReceipt.slice(1);
    await countReceipt(receiptOf(n, { receiptId: 'R-resent' }), stores);
    const afterFirstSend = { ...meter };
    await countReceipt(receiptOf(n, { receiptId: 'R-resent' }), stores);
    const duplicate = {
      requests: meter.requests - afterFirstSend.requests,
      writeUnits: meter.writeUnits - afterFirstSend.writeUnits,
    };

    // Batches of 100 receipts over members whose months exist, against plain PutItems at the same
    // concurrency. DynamoDB Local runs on a JVM that speeds up as it warms, so both are warmed first and
    // then measured in alternating rounds; the medians are compared.
    const members = await Promise.all(Array.from({ length: 100 }, newMember));
    const plain = createDocumentClient(new DynamoDBClient({}));
    let putSequence = 0;
    // Baselines: a minimal item, and a copy of a real month item (same size, same attributes) written blind.
    const { Item: monthItem } = await plain.send(
      new GetCommand({ TableName: LOCAL.tableName, Key: purchaseMonthKey(n, '2026-10') }),
    );
    const putRound = async (count: number, shape: 'minimal' | 'month') => {
      let done = 0;
      const start = performance.now();
      await Promise.all(
        Array.from({ length: config.batchConcurrency }, async () => {
          while (done < count) {
            done += 1;
            const i = putSequence++;
            await plain.send(
              new PutCommand({
                TableName: LOCAL.tableName,
                Item:
                  shape === 'minimal'
                    ? { pk: `BENCH#${i % 100}`, sk: `PUT#${i}`, cents: i }
                    : { ...monthItem, pk: `BENCH#${i % 100}`, sk: `MONTH#${i}` },
              }),
            );
          }
        }),
      );
      return count / ((performance.now() - start) / 1000);
    };
    const batchRound = async (batches: number) => {
      const rounds = Array.from({ length: batches }, (_, b) =>
        Array.from({ length: 100 }, (_, i) => receiptOf(members[(b * 100 + i) % members.length]!)),
      );
      const before = meter.requests;
      const start = performance.now();
      for (const receipts of rounds) {
        const outcome = await countBatch(receipts, timedStores);
        if (outcome.counted !== receipts.length)
          throw new Error(`a batch counted ${outcome.counted} of ${receipts.length}`);
      }
      return {
        perSecond: (batches * 100) / ((performance.now() - start) / 1000),
        requestsPerReceipt: (meter.requests - before) / (batches * 100),
      };
    };
    // The floor: the bare conditional update of a member's month alone (one request, the month's own item).
    let floorSequence = 0;
    const floorRound = async (count: number) => {
      let done = 0;
      const start = performance.now();
      await Promise.all(
        Array.from({ length: config.batchConcurrency }, async () => {
          while (done < count) {
            done += 1;
            await plain.send(
              new UpdateCommand({
                TableName: LOCAL.tableName,
                Key: purchaseMonthKey(members[floorSequence++ % members.length]!, '2026-10'),
                UpdateExpression: 'ADD floorCount :one',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: { ':one': 1 },
              }),
            );
          }
        }),
      );
      return count / ((performance.now() - start) / 1000);
    };
    // The store's count of a receipt alone (its identity, then its month), without parsing or the batch around it.
    const storeRound = async (count: number) => {
      const counts = Array.from({ length: count }, (_, i) =>
        receiptCount(receiptOf(members[i % members.length]!), members[i % members.length]!, new Date()),
      );
      let next = 0;
      const start = performance.now();
      await Promise.all(
        Array.from({ length: config.batchConcurrency }, async () => {
          while (next < counts.length) await timedStores.purchases.count(counts[next++]!, false);
        }),
      );
      return count / ((performance.now() - start) / 1000);
    };
    await countBatch(
      members.map((m) => receiptOf(m)),
      stores,
    );
    // Warm the JVM well, then measure in rounds whose order rotates, so no measure always runs coldest.
    for (let warm = 0; warm < 3; warm++) {
      await batchRound(20);
      await putRound(2000, 'minimal');
      await putRound(1000, 'month');
      await storeRound(2000);
      await floorRound(2000);
    }
    const putRates: number[] = [];
    const monthPutRates: number[] = [];
    const storeRates: number[] = [];
    const floorRates: number[] = [];
    const batchRounds: { perSecond: number; requestsPerReceipt: number }[] = [];
    const measures = [
      async () => batchRounds.push(await batchRound(10)),
      async () => putRates.push(await putRound(1000, 'minimal')),
      async () => monthPutRates.push(await putRound(1000, 'month')),
      async () => storeRates.push(await storeRound(1000)),
      async () => floorRates.push(await floorRound(1000)),
    ];
    for (let round = 0; round < 5; round++) {
      for (let k = 0; k < measures.length; k++) await measures[(round + k) % measures.length]!();
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

    return {
      firstReceipt: perReceipt[0]!,
      laterRequestsMax: Math.max(...later.map((m) => m.requests)),
      laterRequestsMean: later.reduce((s, m) => s + m.requests, 0) / later.length,
      writeUnitsMax: Math.max(...later.map((m) => m.writeUnits)),
      writeUnitsAt60: perReceipt[59]!.writeUnits,
      duplicate,
      batchRequestsPerReceipt: Math.max(...batchRounds.map((r) => r.requestsPerReceipt)),
      batchReceiptsPerSecond: median(batchRounds.map((r) => r.perSecond)),
      putItemsPerSecond: median(putRates),
      monthPutItemsPerSecond: median(monthPutRates),
      storeUpdatesPerSecond: median(storeRates),
      floorUpdatesPerSecond: median(floorRates),
    };
  } finally {
    await services.stop();
  }
}
