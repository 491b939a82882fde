import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { freePort, LOCAL, localEnvironment, startServices } from '../infra/local/services.ts';
import { computeStatistics, STATISTICS_SEGMENTS } from '../shared/statistics/compute-statistics.ts';
import type { StatisticsStore } from '../shared/statistics/statistics-store.ts';
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
    const table = new DynamoStatistics(createDocumentClient(raw), LOCAL.tableName);
    // Taken again each time (as if nothing were published), once whole and once in parallel segments.
    // The reports a pass writes are items the next pass reads too.
    const reportsSaved = new Set<string>();
    const store: StatisticsStore = {
      everyRecord: (segment, of) => table.everyRecord(segment, of),
      get: async () => undefined,
      saveAll: async (reports) => {
        await table.saveAll(reports);
        for (const report of reports) reportsSaved.add(report.report);
      },
    };
    const pass = async (segments: number) => {
      scanned = 0;
      scans = 0;
      const inTable = items.length + reportsSaved.size;
      const run = await measured(() => computeStatistics(store, new Date(), segments));
      return {
        segments,
        inTable,
        scanned,
        scans,
        counted: run.result.itemsRead ?? 0,
        seconds: run.seconds,
        addedMb: run.addedMb,
      };
    };
    const whole = await pass(1);
    const parallel = await pass(STATISTICS_SEGMENTS);
    const bytes = items.reduce((sum, item) => sum + JSON.stringify(item).length, 0);
    return { members, tableItems: items.length, bytes, whole, parallel };
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

A million members is about ${(((s.tableItems / s.members) * 1e6) / 1e6).toFixed(1)} M items and ${(((s.bytes / s.members) * 1e6) / 2 ** 30).toFixed(1)} GiB here. A Scan reads
0.5 read units per 4 KB (eventually consistent), so a pass costs about ${Math.ceil(((s.bytes / s.members) * 1e6) / 4096 / 2).toLocaleString('en')} read units whatever the
segments; the time is the items over the segments' rate side by side.

| measure | figure | target | met |
| --- | ---: | --- | --- |
| items scanned / items in the table, one segment | ${s.whole.scanned} / ${s.whole.inTable} (${s.whole.scans} Scan pages) | one pass | ${ok(s.whole.scanned === s.whole.inTable)} |
| items scanned / items in the table (its reports now among them), ${s.parallel.segments} segments | ${s.parallel.scanned} / ${s.parallel.inTable} (${s.parallel.scans} Scan pages) | one pass | ${ok(s.parallel.scanned === s.parallel.inTable)} |
| items the statistics count (profiles, months, consents, …) | ${s.whole.counted} and ${s.parallel.counted} | the same | ${ok(s.whole.counted === s.parallel.counted)} |
| time, one segment | ${s.whole.seconds.toFixed(1)} s (${(s.tableItems / s.whole.seconds).toFixed(0)} items/s) | | |
| time, ${s.parallel.segments} segments side by side | ${s.parallel.seconds.toFixed(1)} s (${(s.tableItems / s.parallel.seconds).toFixed(0)} items/s, ${(s.tableItems / s.parallel.seconds / s.parallel.segments).toFixed(0)} per segment) | | |
| a million members on paper, ${s.parallel.segments} segments at this machine's per-segment rate | ${(((s.tableItems / s.members) * 1e6) / (s.tableItems / s.parallel.seconds) / 60).toFixed(0)} min | inside Lambda's 15 min | ${ok(((s.tableItems / s.members) * 1e6) / (s.tableItems / s.parallel.seconds) < 900)} |
| memory the run adds (peak RSS less RSS before, which holds the benchmark's seeded items) | ${s.parallel.addedMb.toFixed(0)} MB | | |

DynamoDB Local is one process on a 2-core machine: its segments share those cores, so side by side
they add less here than in DynamoDB, where each segment is served from its own partitions. The pass
is still one Lambda; running the segments as a Step Functions Map of their own Lambdas, each
resumable, is not built (see README).
`;
