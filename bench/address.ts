import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Upload } from '@aws-sdk/lib-storage';
import { build } from 'esbuild';
import { esbuildOptions } from '../infra/bundling.ts';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { freePort, localEnvironment, LOCAL, startServices } from '../infra/local/services.ts';
import { formatDetail, formatHeader, formatTrailer } from '../shared/addresses/update-file.ts';
import { createDocumentClient } from '../shared/store/dynamo.ts';
import { createS3Client } from '../shared/store/exchange-bucket.ts';
import { memberKey } from '../shared/store/keys.ts';
import { aStoredMember } from '../test/support/fixtures.ts';
import { seedItems } from './seed.ts';
import { distinctCustomerNumbers } from '../test/support/seed-members.ts';

const run = promisify(execFile);
const RUNNER = fileURLToPath(new URL('address-run.ts', import.meta.url));
const NAMES = ['Åström', 'Öhman', 'Müller', 'Sjöberg-Ström', 'Virtanen', 'Mäkinen'];

const address = (i: number) => ({
  streetAddress: `Hämeenkatu ${i % 300} B ${i % 40}`,
  postalCode: String(10000 + (i % 89999)).padStart(5, '0'),
  postOffice: 'JYVÄSKYLÄ',
});

/** The i-th detail line of a generated file: a matched member, every tenth with a new address. */
function detail(customerNumber: string, i: number, changed: boolean): string {
  return formatDetail({
    customerNumber,
    match: 'matched',
    status: 'normal',
    surname: NAMES[i % NAMES.length]!,
    firstNames: 'Åsa Märta',
    ...address(changed ? i + 1 : i),
    country: '',
    foreignAddress: '',
    moveDate: '2026-11-01',
    language: 'fi',
  });
}

async function writeFile(path: string, numbers: readonly string[], changedEvery: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(Buffer.from(text + '\r\n', 'latin1'))) await once(out, 'drain');
  };
  await write(
    formatHeader({
      fileId: `BENCH-${numbers.length}`,
      created: '2026-11-24',
      referenceDate: '2026-11-20',
      sender: 'Bench',
    }),
  );
  for (const [i, n] of numbers.entries()) await write(detail(n, i, i % changedEvery === 0));
  await write(formatTrailer(numbers.length));
  out.end();
  await once(out, 'close');
}

/** The runner bundled as a Lambda is (infra/bundling.ts) and run by plain node: no TypeScript loader in the RSS. */
let bundled: Promise<string> | undefined;
const runner = () =>
  (bundled ??= (async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'moymore-address-run-')), 'address-run.mjs');
    await build(esbuildOptions(RUNNER, outfile));
    return outfile;
  })());
const child = async (args: string[]) =>
  JSON.parse(
    (await run(process.execPath, [await runner(), ...args], { env: process.env, maxBuffer: 2 ** 24 })).stdout
      .trim()
      .split('\n')
      .pop()!,
  );
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Parse and validate rate of a generated file against reading its bytes alone, in interleaved
 * rounds, each in a fresh process: from the local S3 (what the job reads) and from a file on disk
 * (in the page cache: a copy in memory, the strictest floor there is).
 */
export async function measureAddressParse(lines: number, rounds = 3) {
  const services = await startServices({ dynamoPort: await freePort(), s3Port: await freePort() });
  const dir = mkdtempSync(join(tmpdir(), 'moymore-address-'));
  const path = join(dir, 'update.dat');
  try {
    Object.assign(process.env, localEnvironment(services));
    await writeFile(path, distinctCustomerNumbers(lines), 10);
    const key = 'address-updates/inbound/BENCH_PARSE.dat';
    await new Upload({
      client: createS3Client(),
      params: { Bucket: LOCAL.bucketName, Key: key, Body: createReadStream(path) },
    }).done();
    const sources = { s3: `s3:${key}`, disk: path };
    const figures = {
      s3: { floor: [] as Run[], parse: [] as Run[] },
      disk: { floor: [] as Run[], parse: [] as Run[] },
    };
    for (let round = 0; round < rounds; round++) {
      for (const where of ['s3', 'disk'] as const) {
        figures[where].floor.push(await child(['floor', sources[where]]));
        figures[where].parse.push(await child(['parse', sources[where]]));
      }
    }
    if (Object.values(figures).some((f) => f.parse.some((p) => p.accepted !== lines))) {
      throw new Error('the parser refused generated lines');
    }
    const rate = (runs: Run[]) => lines / median(runs.map((r) => r.seconds));
    const summary = (where: 's3' | 'disk') => ({
      floorRate: rate(figures[where].floor),
      parseRate: rate(figures[where].parse),
      ratio: rate(figures[where].parse) / rate(figures[where].floor),
      floorPeakRssMb: Math.max(...figures[where].floor.map((f) => f.peakRssMb)),
      parsePeakRssMb: Math.max(...figures[where].parse.map((p) => p.peakRssMb)),
    });
    return {
      lines,
      megabytes: statSync(path).size / 2 ** 20,
      rounds,
      s3: summary('s3'),
      disk: summary('disk'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await services.stop();
  }
}

interface Run {
  seconds: number;
  peakRssMb: number;
  accepted?: number;
}

/** The job over a file of `lines` members, a tenth with a new address, against DynamoDB Local and s3rver. */
export async function measureAddressApply(lines: number) {
  const services = await startServices({ dynamoPort: await freePort(), s3Port: await freePort() });
  const dir = mkdtempSync(join(tmpdir(), 'moymore-address-'));
  try {
    Object.assign(process.env, localEnvironment(services));
    const numbers = distinctCustomerNumbers(lines);
    await seedItems(
      createDocumentClient(new DynamoDBClient({})),
      numbers.map((n, i) => ({
        ...memberKey(n),
        type: 'member',
        ...aStoredMember(n),
        surname: NAMES[i % NAMES.length],
        firstNames: 'Åsa Märta',
        email: `${n}@example.fi`,
        ...address(i),
        sources: { streetAddress: { source: 'member', at: '2026-01-15T10:00:00.000Z' } },
      })),
    );
    const path = join(dir, 'update.dat');
    await writeFile(path, numbers, 10);
    await createS3Client().send(
      new PutObjectCommand({
        Bucket: LOCAL.bucketName,
        Key: 'address-updates/inbound/BENCH_20261124_001.dat',
        Body: readFileSync(path),
      }),
    );
    const result = await child(['apply']);
    const changed = result.counts.updated as number;
    const unchanged = result.counts.unchanged as number;
    if (changed + unchanged !== lines) throw new Error(`applied ${JSON.stringify(result.counts)}`);
    return {
      lines,
      changed,
      unchanged,
      seconds: result.seconds as number,
      linesPerSecond: lines / result.seconds,
      writesPerChanged: Math.min(result.memberWrites, changed) / changed,
      writesPerUnchanged: Math.max(0, result.memberWrites - changed) / unchanged,
      memberReadsPerLine: result.memberReads / lines,
      requests: result.requests as Record<string, number>,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await services.stop();
  }
}
