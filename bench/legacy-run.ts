import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL } from '../infra/local/services.ts';
import { runLegacyImport } from '../shared/legacy/run-import.ts';
import { createDocumentClient } from '../shared/store/dynamo.ts';
import { DynamoJobLeases } from '../shared/store/dynamo-job-leases.ts';
import { DynamoLegacyImportStore } from '../shared/store/dynamo-legacy-store.ts';
import { DynamoMemberStore } from '../shared/store/dynamo-member-store.ts';
import { createS3Client, ExchangeBucket } from '../shared/store/exchange-bucket.ts';

/**
 * One import of every export waiting in the local bucket, in a process of its own so that its peak
 * memory is the import's alone. Counts requests, the write units DynamoDB reports, and data writes
 * (the job's own checkpoints aside). Prints its figures as JSON.
 */
const meter = { requests: 0, writeUnits: 0, dataWrites: 0 };
const raw = new DynamoDBClient({});
raw.middlewareStack.add(
  (next, context) => async (args) => {
    meter.requests += 1;
    const write = /Put|Update|Delete|TransactWrite|BatchWrite/.test(String(context.commandName));
    if (write && !JSON.stringify(args.input).includes('JOB#')) meter.dataWrites += 1;
    (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
    const result = await next(args);
    type Consumed = { CapacityUnits?: number; WriteCapacityUnits?: number };
    const consumed = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
    if (write)
      for (const entry of [consumed ?? []].flat())
        meter.writeUnits += entry.WriteCapacityUnits ?? entry.CapacityUnits ?? 0;
    return result;
  },
  { step: 'initialize', name: 'benchMeter' },
);
const db = createDocumentClient(raw);
const rssBefore = process.memoryUsage().rss;
let rssPeak = rssBefore;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
const start = performance.now();
const run = await runLegacyImport({
  members: new DynamoMemberStore(db, LOCAL.tableName),
  imports: new DynamoLegacyImportStore(db, LOCAL.tableName),
  leases: new DynamoJobLeases(db, LOCAL.tableName),
  files: new ExchangeBucket(createS3Client(), LOCAL.bucketName),
});
const seconds = (performance.now() - start) / 1000;
clearInterval(sampler);
console.log(
  JSON.stringify({
    exports: run.exports.map(({ exportId, status, members, purchases }) => ({
      exportId,
      status,
      members,
      purchases,
    })),
    seconds,
    ...meter,
    rssBeforeMb: rssBefore / 2 ** 20,
    rssPeakMb: rssPeak / 2 ** 20,
  }),
);
// Keep-alive sockets of the SDK clients would hold the process open.
process.exit(0);
