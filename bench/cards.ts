import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { freePort, localEnvironment, startServices } from '../infra/local/services.ts';
import { seedItems } from './seed.ts';
import { distinctCustomerNumbers } from '../test/support/seed-members.ts';
import { createDocumentClient } from '../shared/store/dynamo.ts';
import { cardOrderKey, memberKey, pendingCardOrderIndex } from '../shared/store/keys.ts';
import { aStoredMember } from '../test/support/fixtures.ts';

const run = promisify(execFile);

/** Members with a waiting card order each. */
function membersWithOrders(count: number) {
  const orderedAt = (i: number) => new Date(Date.UTC(2026, 10, 1) + i).toISOString();
  return distinctCustomerNumbers(count).flatMap((n, i) => {
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
  });
}

/** 50 000 waiting orders to batch files: orders per second, the job's peak memory, DynamoDB requests per order. */
export async function measureCardBatches(orders: number) {
  const services = await startServices({ dynamoPort: await freePort(), s3Port: await freePort() });
  try {
    Object.assign(process.env, localEnvironment(services));
    await seedItems(createDocumentClient(new DynamoDBClient({})), membersWithOrders(orders));
    // Not spawnSync: the local S3 runs in this process and must go on answering the child.
    const child = await run(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('card-batch-run.ts', import.meta.url))],
      {
        env: process.env,
        maxBuffer: 16 * 2 ** 20,
      },
    );
    const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
      batches: number;
      batched: number;
      seconds: number;
      requests: number;
      rssBeforeMb: number;
      rssPeakMb: number;
    };
    if (result.batched !== orders) throw new Error(`batched ${result.batched} of ${orders} orders`);
    return {
      orders,
      batches: result.batches,
      ordersPerSecond: orders / result.seconds,
      seconds: result.seconds,
      rssBeforeMb: result.rssBeforeMb,
      rssPeakMb: result.rssPeakMb,
      requestsPerOrder: result.requests / orders,
    };
  } finally {
    await services.stop();
  }
}
