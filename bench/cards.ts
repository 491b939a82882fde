import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { freePort, LOCAL, localEnvironment, startServices } from '../infra/local/services.ts';
import { runCardBatch } from '../shared/cards/run-card-batch.ts';
import { inParallel } from '../shared/concurrency.ts';
import { newCustomerNumber } from '../shared/members/customer-number.ts';
import { createDocumentClient } from '../shared/store/dynamo.ts';
import { DynamoCardStore } from '../shared/store/dynamo-card-store.ts';
import { DynamoMemberStore } from '../shared/store/dynamo-member-store.ts';
import { ExchangeBucket, createS3Client } from '../shared/store/exchange-bucket.ts';
import { cardOrderKey, memberKey, pendingCardOrderIndex } from '../shared/store/keys.ts';
import { aStoredMember } from '../test/support/fixtures.ts';

/** Members with a waiting card order each, written straight to the table (25 items a request). */
async function seed(db: ReturnType<typeof createDocumentClient>, count: number) {
  const orderedAt = (i: number) => new Date(Date.UTC(2026, 10, 1) + i).toISOString();
  const items = Array.from({ length: count }, (_, i) => {
    const n = newCustomerNumber();
    const member = {
      ...aStoredMember(n),
      surname: 'Sjöberg-Ström',
      firstNames: 'Åsa Märta',
      streetAddress: `Mannerheimintie ${i % 200} B ${i % 40}`,
      postalCode: '00100',
      postOffice: 'Helsinki',
      card: { type: 'CASH_CARD', status: 'ORDERED', orderedAt: orderedAt(i) },
    };
    const order = {
      customerNumber: n,
      orderedAt: orderedAt(i),
      cardType: 'CASH_CARD',
      orderType: 'NEW',
      status: 'PENDING',
    };
    return [
      { ...memberKey(n), type: 'member', ...member },
      {
        ...cardOrderKey(n, order.orderedAt),
        ...pendingCardOrderIndex(order.orderedAt, n),
        type: 'card-order',
        ...order,
      },
    ];
  }).flat();
  const chunks = Array.from({ length: Math.ceil(items.length / 25) }, (_, i) =>
    items.slice(i * 25, i * 25 + 25),
  );
  await inParallel(chunks, 8, async (chunk) => {
    let pending: Record<string, unknown>[] | undefined = chunk.map((Item) => ({ PutRequest: { Item } }));
    while (pending?.length) {
      const answer = await db.send(
        new BatchWriteCommand({ RequestItems: { [LOCAL.tableName]: pending as never } }),
      );
      pending = answer.UnprocessedItems?.[LOCAL.tableName] as Record<string, unknown>[] | undefined;
    }
  });
}

/** 50 000 waiting orders to batch files: orders per second, peak memory, DynamoDB requests per order. */
export async function measureCardBatches(orders: number) {
  const services = await startServices({ dynamoPort: await freePort(), s3Port: await freePort() });
  try {
    Object.assign(process.env, localEnvironment(services));
    let requests = 0;
    const raw = new DynamoDBClient({});
    raw.middlewareStack.add(
      (next) => async (args) => {
        requests += 1;
        return next(args);
      },
      { step: 'initialize', name: 'benchRequestCounter' },
    );
    const db = createDocumentClient(raw);
    await seed(createDocumentClient(new DynamoDBClient({})), orders);

    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    const start = performance.now();
    const summary = await runCardBatch({
      cards: new DynamoCardStore(db, LOCAL.tableName),
      members: new DynamoMemberStore(db, LOCAL.tableName),
      bucket: new ExchangeBucket(createS3Client(), LOCAL.bucketName),
    });
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    const batched = summary.batches.reduce((sum, b) => sum + b.records, 0);
    if (batched !== orders) throw new Error(`batched ${batched} of ${orders} orders`);
    return {
      orders,
      batches: summary.batches.length,
      ordersPerSecond: orders / seconds,
      seconds,
      rssBeforeMb: rssBefore / 2 ** 20,
      rssPeakMb: rssPeak / 2 ** 20,
      requestsPerOrder: requests / orders,
    };
  } finally {
    await services.stop();
  }
}
