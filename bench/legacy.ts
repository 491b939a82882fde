import { execFile } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort, localEnvironment, startServices } from '../infra/local/services.ts';
import { csvRecords, MEMBER_COLUMNS, type MemberRow } from '../shared/legacy/export-format.ts';
import { decideMember } from '../shared/legacy/legacy-member.ts';
import { aLegacyMember, deliverExport, membersFile, purchasesFile } from '../test/support/legacy-exports.ts';

const run = promisify(execFile);
const MONTHS = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const GROUPS = ['10', '30', '40', '71'];

/** An export of `members` members with 20 purchase lines each (5 months × 4 groups). */
function anExport(members: number) {
  const rows = Array.from({ length: members }, (_, i) =>
    aLegacyMember(1 + i, {
      kortti: i % 3 === 0 ? 'KK' : 'EI',
      korttinro: i % 3 === 0 ? `6001${String(i).padStart(12, '0')}` : '',
      korttitila: i % 3 === 0 ? 'AKTIIVINEN' : '',
    }),
  );
  const purchases = rows.flatMap((row) =>
    MONTHS.flatMap((month) =>
      GROUPS.map((group) => ({
        asiakasnro: row.asiakasnro,
        kuukausi: month,
        paaryhma: group,
        summa: '12,34',
        kuitteja: '3',
      })),
    ),
  );
  return { members: membersFile(rows), purchases: purchasesFile(purchases), lines: purchases.length };
}

/** Bytes of a file read as the job reads them (a stream of chunks), doing nothing with them. */
async function rawRead(path: string): Promise<number> {
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }))
    bytes += (chunk as Buffer).length;
  return bytes;
}

/** The same bytes decoded from Windows-1252, split into records and fields, and each member decided. */
async function parseMembers(path: string): Promise<number> {
  let records = 0;
  for await (const record of csvRecords(createReadStream(path, { highWaterMark: 64 * 1024 }))) {
    if (record.line > 1)
      decideMember(
        Object.fromEntries(MEMBER_COLUMNS.map((c, i) => [c, record.fields[i] ?? ''])) as MemberRow,
        '2026-11-26',
      );
    records += 1;
  }
  return records;
}
/** Decoded and split only: where the time goes between the raw read and the validated records. */
async function splitOnly(path: string): Promise<number> {
  let records = 0;
  for await (const record of csvRecords(createReadStream(path, { highWaterMark: 64 * 1024 }))) {
    records += record.fields.length > 0 ? 1 : 0;
  }
  return records;
}
async function parsePurchases(path: string): Promise<number> {
  let records = 0;
  for await (const record of csvRecords(createReadStream(path, { highWaterMark: 64 * 1024 }))) {
    if (record.fields.length === 5 && /^\d{4}-\d{2}$/.test(record.fields[1]!)) records += 1;
  }
  return records;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The move-in at scale: the file's decode + parse + validate rate beside a raw read of the same bytes
 * (same run, interleaved rounds), then an import of the whole export through DynamoDB Local and s3rver
 * in a process of its own, and the same export taken again.
 */
export async function measureLegacyImport(members: number) {
  const dir = mkdtempSync(join(tmpdir(), 'moymore-legacy-'));
  const files = anExport(members);
  const membersPath = join(dir, 'members.csv');
  const purchasesPath = join(dir, 'purchases.csv');
  writeFileSync(membersPath, files.members);
  writeFileSync(purchasesPath, files.purchases);
  const rates = {
    raw: [] as number[],
    split: [] as number[],
    members: [] as number[],
    purchases: [] as number[],
  };
  const mb = (files.members.length + files.purchases.length) / 2 ** 20;
  for (let round = 0; round < 5; round++) {
    let start = performance.now();
    await rawRead(membersPath);
    await rawRead(purchasesPath);
    rates.raw.push(mb / ((performance.now() - start) / 1000));
    start = performance.now();
    await splitOnly(membersPath);
    await splitOnly(purchasesPath);
    rates.split.push(mb / ((performance.now() - start) / 1000));
    start = performance.now();
    await parseMembers(membersPath);
    const membersSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    await parsePurchases(purchasesPath);
    const purchasesSeconds = (performance.now() - start) / 1000;
    rates.members.push(members / membersSeconds);
    rates.purchases.push(files.lines / purchasesSeconds);
  }
  const parseMbPerSecond = mb / (members / median(rates.members) + files.lines / median(rates.purchases));
  rmSync(dir, { recursive: true, force: true });

  const services = await startServices({ dynamoPort: await freePort(), s3Port: await freePort() });
  try {
    Object.assign(process.env, localEnvironment(services));
    await deliverExport('BENCH-1', files);
    const once = await importInChild();
    await deliverExport('BENCH-2', files);
    const again = await importInChild();
    return {
      members,
      purchaseLines: files.lines,
      megabytes: mb,
      rawMbPerSecond: median(rates.raw),
      splitMbPerSecond: median(rates.split),
      parseMbPerSecond,
      membersParsedPerSecond: median(rates.members),
      purchaseLinesParsedPerSecond: median(rates.purchases),
      once,
      again,
    };
  } finally {
    await services.stop();
  }
}

async function importInChild() {
  // Not spawnSync: the local S3 runs in this process and must go on answering the child.
  const child = await run(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('legacy-run.ts', import.meta.url))],
    {
      env: process.env,
      maxBuffer: 16 * 2 ** 20,
    },
  );
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as {
    exports: {
      exportId: string;
      status: string;
      members: Record<string, number>;
      purchases: Record<string, number>;
    }[];
    seconds: number;
    requests: number;
    writeUnits: number;
    dataWrites: number;
    rssPeakMb: number;
  };
}
