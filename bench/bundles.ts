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

/** Time to import a bundle in a fresh Node process, as a cold start does. */
function importMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`importing ${file} failed: ${result.stderr}`);
  return Number(result.stdout);
}

export async function measureBundles(root: string, entries: { name: string; entry: string }[], runs: number) {
  const dir = join(root, '.bench', 'bundles');
  mkdirSync(dir, { recursive: true });
  const floorEntry = join(dir, 'floor-entry.mjs');
  writeFileSync(floorEntry, FLOOR_SOURCE);
  const all = [{ name: 'floor (document client only)', entry: floorEntry }, ...entries];
  const built: { name: string; outfile: string }[] = [];
  for (const { name, entry } of all) {
    const outfile = join(dir, `${name.replace(/\W+/g, '-')}.mjs`);
    await build({ ...esbuildOptions(entry, outfile), absWorkingDir: root });
    built.push({ name, outfile });
  }
  // Rounds over all bundles, the floor included, so a slow spell of the machine weighs on all alike.
  const times = built.map(() => [] as number[]);
  for (let round = 0; round < runs; round++)
    built.forEach(({ outfile }, i) => times[i]!.push(importMs(outfile)));
  const figures: BundleFigures[] = built.map(({ name, outfile }, i) => ({
    name,
    kilobytes: statSync(outfile).size / 1024,
    importMs: median(times[i]!),
  }));
  return { floor: figures[0]!, functions: figures.slice(1) };
}

const ok = (pass: boolean) => (pass ? 'yes' : '**NO**');

/** The cold-start section of BENCHMARKS.md: each function's bundle against the floor's, in size and import time. */
export function coldStartSection(floor: BundleFigures, functions: BundleFigures[], runs: number): string {
  const rows = functions.map((f) => {
    const ratio = f.importMs / floor.importMs;
    const extraKb = f.kilobytes - floor.kilobytes;
    return `| ${f.name} | ${f.kilobytes.toFixed(1)} | ${extraKb >= 0 ? '+' : ''}${extraKb.toFixed(1)} | ${ok(extraKb <= 100)} | ${f.importMs.toFixed(1)} | ${ratio.toFixed(2)} | ${ok(ratio <= 1.3)} |`;
  });
  return `## Cold start: bundle size and module init

Import time is the median of ${runs} imports of the bundle, each in a fresh Node process, measured in
${runs} rounds over all bundles (the floor included) so that a slow spell of the machine weighs on all alike.
The floor is a bundle holding nothing but the DynamoDB document client.

| bundle | minified KB | over floor KB | ≤ floor + 100 KB | import ms | × floor | ≤ 1.3 × floor |
| --- | ---: | ---: | --- | ---: | ---: | --- |
| ${floor.name} | ${floor.kilobytes.toFixed(1)} | | | ${floor.importMs.toFixed(1)} | 1.00 | |
${rows.join('\n')}
`;
}
