import { DynamoJobLeases } from '../shared/store/dynamo-job-leases.ts';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL } from '../infra/local/services.ts';
import { runCardBatch } from '../shared/cards/run-card-batch.ts';
import { createDocumentClient } from '../shared/store/dynamo.ts';
import { DynamoCardStore } from '../shared/store/dynamo-card-store.ts';
import { DynamoMemberStore } from '../shared/store/dynamo-member-store.ts';
import { createS3Client, ExchangeBucket } from '../shared/store/exchange-bucket.ts';

/**
 * One run of the card batch job in a process of its own, so that its peak memory is the job's alone
 * (not the seeding's). Prints its figures as JSON. The environment points it at the local stack.
 */
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
const rssBefore = process.memoryUsage().rss;
let rssPeak = rssBefore;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
const start = performance.now();
const summary = await runCardBatch({
  cards: new DynamoCardStore(db, LOCAL.tableName),
  members: new DynamoMemberStore(db, LOCAL.tableName),
  files: new ExchangeBucket(createS3Client(), LOCAL.bucketName),
  leases: new DynamoJobLeases(db, LOCAL.tableName),
});
const seconds = (performance.now() - start) / 1000;
clearInterval(sampler);
console.log(
  JSON.stringify({
    batches: summary.batches.length,
    batched: summary.batches.reduce((sum, b) => sum + b.records, 0),
    seconds,
    requests,
    rssBeforeMb: rssBefore / 2 ** 20,
    rssPeakMb: rssPeak / 2 ** 20,
  }),
);
// Keep-alive sockets of the SDK clients would hold the process open.
process.exit(0);
