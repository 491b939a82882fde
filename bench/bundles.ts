import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { esbuildOptions } from '../infra/bundling.ts';

/** The cold-start floor: nothing but the DynamoDB document client, bundled the way every function is. */
const FLOOR_SOURCE = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async () => db;
`;

export interface BundleFigures {
  name: string;
  kilobytes: number;
  importMs: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Median time to import a bundle in a fresh Node process, as a cold start does. */
function importMs(file: string, runs: number): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`importing ${file} failed: ${result.stderr}`);
    times.push(Number(result.stdout));
  }
  return median(times);
}

export async function measureBundles(root: string, entries: { name: string; entry: string }[], runs: number) {
  const dir = join(root, '.bench', 'bundles');
  mkdirSync(dir, { recursive: true });
  const floorEntry = join(dir, 'floor-entry.mjs');
  writeFileSync(floorEntry, FLOOR_SOURCE);
  const all = [{ name: 'floor (document client only)', entry: floorEntry }, ...entries];
  const figures: BundleFigures[] = [];
  for (const { name, entry } of all) {
    const outfile = join(dir, `${name.replace(/\W+/g, '-')}.mjs`);
    await build({ ...esbuildOptions(entry, outfile), absWorkingDir: root });
    figures.push({ name, kilobytes: statSync(outfile).size / 1024, importMs: importMs(outfile, runs) });
  }
  return { floor: figures[0]!, functions: figures.slice(1) };
}
