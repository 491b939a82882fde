import { join } from 'node:path';
import { routeList } from '../shared/contract/routes.ts';
import { config } from '../shared/config.ts';
import { coldStartSection, measureBundles } from './bundles.ts';
import { measureHandler } from './handler-time.ts';
import { measurePurchases } from './purchases.ts';
import { measureCardBatches } from './cards.ts';
import { audienceSection, measureAudience } from './audience.ts';
import { measureStatistics, statisticsSection } from './statistics.ts';
import { benefitsSection, measureBenefits } from './benefits.ts';
import { measureSending, sendingSection } from './sending.ts';
import { measureAddressApply, measureAddressParse } from './address.ts';
import { measureLegacyImport } from './legacy.ts';
import { measureConsole } from './console.ts';
import { writeSection } from './measured.ts';
import { PROJECT_ROOT } from '../infra/bundling.ts';

const ok = (pass: boolean) => (pass ? 'yes' : '**NO**');

async function bundlesSection(): Promise<string> {
  const runs = Number(process.env.BENCH_IMPORT_RUNS ?? 15);
  const { floor, functions } = await measureBundles(
    PROJECT_ROOT,
    routeList.map((r) => ({ name: r.handler, entry: join(PROJECT_ROOT, 'functions', `${r.handler}.ts`) })),
    runs,
  );
  return coldStartSection(floor, functions, runs);
}

async function handlerSection(): Promise<string> {
  const handler = await measureHandler();
  return `## Warm member read, store mocked

Median over 21 batches of 500 calls of the mean time per call (aws-sdk-client-mock answers GetItem and
the audit PutItem). "Plumbing" is the same middy stack, claims, strict parsing and JSON response with a
domain call that does nothing.

| measure | µs per call | target | met |
| --- | ---: | --- | --- |
| GET /members/{customerNumber} handler | ${handler.readMicros.toFixed(1)} | ≤ 1000 | ${ok(handler.readMicros <= 1000)} |
| middleware and validation | ${handler.plumbingMicros.toFixed(1)} | ≤ 10 | ${ok(handler.plumbingMicros <= 10)} |
`;
}

async function purchasesSection(): Promise<string> {
  const purchases = await measurePurchases();
  return `## Purchases: DynamoDB cost of a receipt (DynamoDB Local, capacity as it reports it)

Each request the stores send is counted, and asked for its consumed capacity (ReturnConsumedCapacity).
One member's month is filled receipt by receipt to 60 receipts (two main groups each).

| measure | figure | target | met |
| --- | ---: | --- | --- |
| requests, month's first receipt (identity put, month refused, identity taken back, the member read, then one transaction) | ${purchases.firstReceipt.requests} | | |
| WCU, month's first receipt | ${purchases.firstReceipt.writeUnits} | | |
| requests per receipt, receipts 2 to 60 (max) | ${purchases.laterRequestsMax} | 2 (identity, month) | ${ok(purchases.laterRequestsMax === 2)} |
| WCU per receipt, receipts 2 to 60 (max) | ${purchases.writeUnitsMax} | ≤ 3 | ${ok(purchases.writeUnitsMax <= 3)} |
| WCU of the 60th receipt | ${purchases.writeUnitsAt60} | ≤ 3 | ${ok(purchases.writeUnitsAt60 <= 3)} |
| requests for a resent receipt (its identity is its own; the month refuses it) | ${purchases.duplicate.requests} | | |

A receipt is two single writes: its identity (store + receipt id, about 100 bytes, 1 WCU), put only
where none is or where this same receipt put it, then its month (under 2 KB at 60 receipts, 2 WCU),
updated only where the month's own set of receipts does not hold it. No transaction doubles them: 3
WCU where the transaction of before cost 6. A run that dies between the two leaves an identity the
same receipt, sent again, completes (the till resends until it has an answer); a receipt that did
not count (a return its month does not cover, no month yet) takes its identity back. Only the month's
first receipt is one transaction, with a ConditionCheck on the member's profile, so that no month is
created for a member being erased.

## Purchases: batch throughput (DynamoDB Local)

Batches of 100 receipts over 100 members whose months exist, ${'`'}POST /purchases/batch${'`'}'s domain call with
${config.batchConcurrency} receipts in flight; beside it, in the same run and at the same concurrency, the floor
(the bare conditional update of a member's month alone), blind PutItems of a minimal item and of a
copy of a real month item, and the store's count of a receipt alone. DynamoDB Local is a JVM that
speeds up as it warms: everything is warmed first, then measured in five rounds whose order rotates;
medians.

| measure | figure | target | met |
| --- | ---: | --- | --- |
| requests per receipt in batches (max) | ${purchases.batchRequestsPerReceipt.toFixed(2)} | ≤ 2 | ${ok(purchases.batchRequestsPerReceipt <= 2)} |
| batch receipts/s | ${purchases.batchReceiptsPerSecond.toFixed(0)} | | |
| floor: the month's conditional update alone, per second | ${purchases.floorUpdatesPerSecond.toFixed(0)} | | |
| receipts/s, the store's count alone | ${purchases.storeUpdatesPerSecond.toFixed(0)} | | |
| store's count ÷ floor | ${(purchases.storeUpdatesPerSecond / purchases.floorUpdatesPerSecond).toFixed(2)} | ≥ 0.8 | ${ok(purchases.storeUpdatesPerSecond / purchases.floorUpdatesPerSecond >= 0.8)} |
| batch ÷ floor | ${(purchases.batchReceiptsPerSecond / purchases.floorUpdatesPerSecond).toFixed(2)} | | |
| PutItem/s, minimal item / month-sized item | ${purchases.putItemsPerSecond.toFixed(0)} / ${purchases.monthPutItemsPerSecond.toFixed(0)} | | |
`;
}

async function cardsSection(): Promise<string> {
  const cards = await measureCardBatches(Number(process.env.BENCH_CARD_ORDERS ?? 50_000));
  return `## Card batches (DynamoDB Local and s3rver)

${cards.orders} members with a waiting card order (written straight to the table), then one run of the
card batch job (${'`'}BENCH_CARD_ORDERS${'`'} changes the count). The job runs in a process of its own; its RSS is
sampled every 20 ms. The file is streamed to S3 in parts, never whole in memory.

| measure | figure |
| --- | ---: |
| orders | ${cards.orders} in ${cards.batches} batches |
| orders per second | ${cards.ordersPerSecond.toFixed(0)} (${cards.seconds.toFixed(1)} s) |
| RSS before the run / peak during it | ${cards.rssBeforeMb.toFixed(0)} MB / ${cards.rssPeakMb.toFixed(0)} MB |
| DynamoDB requests per order | ${cards.requestsPerOrder.toFixed(3)} |
`;
}

async function addressSection(): Promise<string> {
  const parse = await measureAddressParse(Number(process.env.BENCH_ADDRESS_LINES ?? 1_000_000));
  const apply = await measureAddressApply(Number(process.env.BENCH_ADDRESS_APPLY_LINES ?? 20_000));
  return `## Address refresh: parsing a file (s3rver and disk)

A generated file of ${parse.lines} detail lines (${parse.megabytes.toFixed(0)} MB, Latin-1, CRLF; ${'`'}BENCH_ADDRESS_LINES${'`'}
changes it) is read in a fresh process per measurement, bundled as a Lambda is and run by plain
node: once doing nothing with the bytes (the floor), once splitting lines and parsing and validating
every record as the job does. ${parse.rounds} interleaved rounds, medians; peak RSS is the process's maxRSS.
From the local S3 is what the job reads; from disk the file sits in the page cache, so that floor is
a memory copy.

| source | floor lines/s | parse lines/s | parse ÷ floor (target ≥ 0.5) | peak RSS floor / parse (target < 150 MB) |
| --- | ---: | ---: | ---: | ---: |
${(['s3', 'disk'] as const)
  .map((where) => {
    const f = parse[where];
    return `| ${where === 's3' ? 'local S3 (s3rver)' : 'disk (page cache)'} | ${f.floorRate.toFixed(0)} | ${f.parseRate.toFixed(0)} | ${f.ratio.toFixed(2)} (${ok(f.ratio >= 0.5)}) | ${f.floorPeakRssMb.toFixed(0)} / ${f.parsePeakRssMb.toFixed(0)} MB (${ok(f.parsePeakRssMb < 150)}) |`;
  })
  .join('\n')}

## Address refresh: applying a file (DynamoDB Local and s3rver)

${apply.lines} members, and a file naming each of them, a tenth with a new address (${'`'}BENCH_ADDRESS_APPLY_LINES${'`'}).
One run of the job in a process of its own; every DynamoDB request is counted by command.

| measure | figure | target | met |
| --- | ---: | --- | --- |
| changed / unchanged members | ${apply.changed} / ${apply.unchanged} | | |
| member writes per changed member | ${apply.writesPerChanged.toFixed(2)} | 1 | ${ok(apply.writesPerChanged === 1)} |
| member writes per unchanged member | ${apply.writesPerUnchanged.toFixed(3)} | 0 | ${ok(apply.writesPerUnchanged === 0)} |
| member read requests per line (BatchGetItem) | ${apply.memberReadsPerLine.toFixed(4)} | ≤ 0.01 | ${ok(apply.memberReadsPerLine <= 0.01)} |
| lines per second | ${apply.linesPerSecond.toFixed(0)} (${apply.seconds.toFixed(1)} s) | | |
| all requests by command | ${Object.entries(apply.requests)
    .map(([command, n]) => `${command.replace('Command', '')} ${n}`)
    .join(', ')} | | |
`;
}

async function legacySection(): Promise<string> {
  const legacyMembers = Number(process.env.BENCH_LEGACY_MEMBERS ?? 100_000);
  // The longest measure: a failure is written as the section, with what failed.
  const legacy = await measureLegacyImport(legacyMembers).catch((error: unknown) => ({
    failed: error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error),
  }));
  if ('failed' in legacy)
    return `## Legacy import: the move-in (disk, then DynamoDB Local and s3rver)\n\nNot measured this run (${legacyMembers} members): ${legacy.failed}.\n`;
  return `## Legacy import: the move-in (disk, then DynamoDB Local and s3rver)

A generated export of ${legacy.members} members (a third with a produced cash card) and ${legacy.purchaseLines}
purchase lines (5 months × 4 groups each), ${legacy.megabytes.toFixed(0)} MB of Windows-1252 CSV (${'`'}BENCH_LEGACY_MEMBERS${'`'}
changes it). First the files on disk (page cache), five interleaved rounds, medians: a raw read of the
bytes, the same bytes decoded and split into records, and decoded, split and validated as the job does
(each member decided by the register's field rules; each purchase line checked). Then the export is
imported through the job in a process of its own (RSS sampled every 20 ms; every request counted and
asked for its consumed capacity), and the same files delivered again under a new export id.

| measure | figure | target | met |
| --- | ---: | --- | --- |
| raw read | ${legacy.rawMbPerSecond.toFixed(0)} MB/s | | |
| decode + split | ${legacy.splitMbPerSecond.toFixed(0)} MB/s (${(legacy.splitMbPerSecond / legacy.rawMbPerSecond).toFixed(2)} × raw) | | |
| decode + split + validate | ${legacy.parseMbPerSecond.toFixed(1)} MB/s (members ${legacy.membersParsedPerSecond.toFixed(0)}/s, purchase lines ${legacy.purchaseLinesParsedPerSecond.toFixed(0)}/s) | ≥ 0.5 × raw | ${(legacy.parseMbPerSecond / legacy.rawMbPerSecond).toFixed(2)} × raw: ${ok(legacy.parseMbPerSecond / legacy.rawMbPerSecond >= 0.5)} |
| import: members per second (members and purchases together) | ${(legacy.members / legacy.once.seconds).toFixed(0)} (${legacy.once.seconds.toFixed(0)} s) | | |
| DynamoDB requests per member (purchases included) | ${(legacy.once.requests / legacy.members).toFixed(2)} | | |
| write units per member (purchases included) | ${(legacy.once.writeUnits / legacy.members).toFixed(2)} | | |
| peak RSS of the import | ${legacy.once.rssPeakMb.toFixed(0)} MB | < 200 MB | ${ok(legacy.once.rssPeakMb < 200)} |
| outcomes | members ${JSON.stringify(legacy.once.exports[0]?.members)}, purchase lines ${JSON.stringify(legacy.once.exports[0]?.purchases)} | | |
| the same export again: data writes | ${legacy.again.dataWrites} (${legacy.again.seconds.toFixed(0)} s, ${legacy.again.requests} requests) | 0 | ${ok(legacy.again.dataWrites === 0)} |
`;
}

/** Each section of BENCHMARKS.md: measured alone, with its sizes from the environment, written in place. */
const SECTIONS: Record<string, () => Promise<string>> = {
  bundles: bundlesSection,
  handler: handlerSection,
  purchases: purchasesSection,
  cards: cardsSection,
  audience: async () =>
    audienceSection(await measureAudience(Number(process.env.BENCH_AUDIENCE_MEMBERS ?? 100_000))),
  statistics: async () =>
    statisticsSection(await measureStatistics(Number(process.env.BENCH_STATISTICS_MEMBERS ?? 100_000))),
  benefits: async () =>
    benefitsSection(await measureBenefits(Number(process.env.BENCH_BENEFITS_MEMBERS ?? 100_000))),
  sending: async () =>
    sendingSection(
      await measureSending(
        Number(process.env.BENCH_SENDING_MEMBERS ?? 50_000),
        Number(process.env.BENCH_SENDING_RATE ?? 500),
      ),
    ),
  address: addressSection,
  console: measureConsole,
  legacy: legacySection,
};

/**
 * `npm run bench -- <section> …` measures those sections, `npm run bench` every one (most of an hour),
 * each written into BENCHMARKS.md in place of its earlier version as soon as it is measured.
 */
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  console.error(`No such section: ${unknown.join(', ')}. Sections: ${Object.keys(SECTIONS).join(', ')}.`);
  process.exit(2);
}
for (const name of asked.length > 0 ? asked : Object.keys(SECTIONS))
  writeSection(name, await SECTIONS[name]!());
// Keep-alive sockets of the SDK clients would hold the process open.
process.exit(0);
