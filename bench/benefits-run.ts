import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL } from '../infra/local/services.ts';
import { runPayout } from '../shared/benefits/run-payout.ts';
import { writeStatements } from '../shared/benefits/write-statements.ts';
import { createDocumentClient } from '../shared/store/dynamo.ts';
import { DynamoBenefitRules } from '../shared/store/dynamo-benefit-rules.ts';
import { DynamoJobLeases } from '../shared/store/dynamo-job-leases.ts';
import { DynamoPayouts } from '../shared/store/dynamo-payouts.ts';
import { DynamoStatements } from '../shared/store/dynamo-statements.ts';
import { createS3Client, ExchangeBucket } from '../shared/store/exchange-bucket.ts';

/**
 * The month's statements, then its payout, in a process of their own, so that the peak memory is
 * the jobs' alone (not the seeding's). Every DynamoDB request is counted by command, with the items
 * it read. Prints the figures as JSON; the environment points it at the local stack.
 */
const freshPhase = () => ({
  requests: {} as Record<string, number>,
  /** Items of the table read (GetItem, BatchGetItem, a Query of the table). */
  itemsRead: 0,
  /** Entries of an index read (the month's buyers: keys only). */
  indexEntriesRead: 0,
  /** Items put, updated or deleted; a transaction's condition checks are not writes. */
  itemsWritten: 0,
  readUnits: 0,
  writeUnits: 0,
});
let phase = freshPhase();
interface Capacity {
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  CapacityUnits?: number;
}
const raw = new DynamoDBClient({});
raw.middlewareStack.add(
  (next, context) => async (args) => {
    const input = args.input as {
      ReturnConsumedCapacity?: string;
      IndexName?: string;
      TransactItems?: Record<string, unknown>[];
      RequestItems?: Record<string, unknown[]>;
    };
    const command = context.commandName ?? 'unknown';
    input.ReturnConsumedCapacity = 'TOTAL';
    const result = await next(args);
    phase.requests[command] = (phase.requests[command] ?? 0) + 1;
    const output = result.output as {
      Items?: unknown[];
      Item?: unknown;
      Responses?: Record<string, unknown[]>;
      ConsumedCapacity?: Capacity | Capacity[];
    };
    const read =
      (output.Items?.length ?? 0) +
      (output.Item ? 1 : 0) +
      Object.values(output.Responses ?? {}).reduce((sum, items) => sum + items.length, 0);
    if (input.IndexName) phase.indexEntriesRead += read;
    else phase.itemsRead += read;
    if (/^(Put|Update|Delete)Item/.test(command)) phase.itemsWritten += 1;
    if (input.TransactItems)
      phase.itemsWritten += input.TransactItems.filter((item) => !item.ConditionCheck).length;
    if (command.startsWith('BatchWriteItem'))
      phase.itemsWritten += Object.values(input.RequestItems ?? {}).reduce(
        (sum, items) => sum + items.length,
        0,
      );
    for (const capacity of [output.ConsumedCapacity ?? []].flat()) {
      const units = capacity.CapacityUnits ?? 0;
      if (/^(Get|BatchGet|Query|Scan)/.test(command)) phase.readUnits += units;
      else phase.writeUnits += units;
    }
    return result;
  },
  { step: 'initialize', name: 'benchRequestCounter' },
);
const db = createDocumentClient(raw);
const leases = new DynamoJobLeases(db, LOCAL.tableName);
const statements = new DynamoStatements(db, LOCAL.tableName);

async function measuredPhase<T>(run: () => Promise<T>) {
  phase = freshPhase();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  const result = await run();
  clearInterval(sampler);
  return {
    result,
    seconds: (performance.now() - start) / 1000,
    ...phase,
    rssPeakMb: rssPeak / 2 ** 20,
  };
}

const closed = () => new Date(process.env.BENCH_BENEFITS_AT!);
const written = await measuredPhase(async () => {
  // As the workflow does: invoked again until done (one invocation here has all the time it wants).
  for (;;) {
    const run = await writeStatements({
      statements,
      rules: new DynamoBenefitRules(db, LOCAL.tableName),
      leases,
      now: closed,
    });
    if (run.done) return run;
  }
});
const paid = await measuredPhase(() =>
  runPayout({
    payouts: new DynamoPayouts(db, LOCAL.tableName),
    statements,
    files: new ExchangeBucket(createS3Client(), LOCAL.bucketName),
    leases,
    now: () => new Date(closed().getTime() + 2 * 24 * 3600 * 1000),
  }),
);
console.log(JSON.stringify({ written, paid }));
// Keep-alive sockets of the SDK clients would hold the process open.
process.exit(0);
