import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { freePort, LOCAL, localEnvironment, startServices } from '../infra/local/services.ts';
import { computeStatistics } from '../shared/statistics/compute-statistics.ts';
import { createDocumentClient } from '../shared/store/dynamo.ts';
import { DynamoStatistics } from '../shared/store/dynamo-statistics.ts';
import { membersWithHistory } from '../test/support/seed-members.ts';
import { measured } from './measured.ts';
import { seedItems } from './seed.ts';

/** The nightly statistics over `members` members with their history: items scanned against the table's, time, peak memory. */
export async function measureStatistics(members: number) {
  const services = await startServices({ dynamoPort: await freePort(), s3Port: await freePort() });
  try {
    Object.assign(process.env, localEnvironment(services));
    const items = membersWithHistory(members);
    await seedItems(createDocumentClient(new DynamoDBClient({})), items);
    let scanned = 0;
    let scans = 0;
    const raw = new DynamoDBClient({});
    raw.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const output = result.output as { ScannedCount?: number };
        if (output.ScannedCount !== undefined) {
          scanned += output.ScannedCount;
          scans += 1;
        }
        return result;
      },
      { step: 'initialize', name: 'benchScanCounter' },
    );
    const store = new DynamoStatistics(createDocumentClient(raw), LOCAL.tableName);
    const { result, seconds, addedMb } = await measured(() => computeStatistics(store));
    return {
      members,
      tableItems: items.length,
      scanned,
      scans,
      counted: result.itemsRead ?? 0,
      seconds,
      addedMb,
    };
  } finally {
    await services.stop();
  }
}

const ok = (pass: boolean) => (pass ? 'yes' : '**NO**');

export const statisticsSection = (
  s: Awaited<ReturnType<typeof measureStatistics>>,
) => `## Statistics (DynamoDB Local)

The statistics job (\`npm run job -- statistics\`; a month's figures are taken once, the night from the 3rd of the next) over ${s.members} members (\`BENCH_STATISTICS_MEMBERS\` changes it),
each with three purchase months, an audit entry and, for every other, a consent: ${s.tableItems} items in the table.
The report routes read only the small items it writes; no request scans.

| measure | figure | target | met |
| --- | ---: | --- | --- |
| items scanned / items in the table | ${s.scanned} / ${s.tableItems} (${s.scans} Scan pages) | one pass | ${ok(s.scanned === s.tableItems)} |
| items the statistics count (profiles, months, consents, …) | ${s.counted} | | |
| time (DynamoDB Local scans far slower than DynamoDB; a segmented scan would split it) | ${s.seconds.toFixed(1)} s (${(s.tableItems / s.seconds).toFixed(0)} items/s) | | |
| memory the run adds (peak RSS less RSS before, which holds the benchmark's seeded items) | ${s.addedMb.toFixed(0)} MB | | |
`;
