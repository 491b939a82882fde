import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../infra/bundling.ts';
import { withSection } from './console.ts';

/**
 * A run timed, with the memory it adds: RSS sampled every 20 ms against RSS before it (which holds
 * whatever the benchmark seeded).
 */
export async function measured<T>(run: () => Promise<T>) {
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  try {
    const result = await run();
    return { result, seconds: (performance.now() - start) / 1000, addedMb: (rssPeak - rssBefore) / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}

/** Puts one section into BENCHMARKS.md in place of its earlier version, and prints it (`npm run bench:…`). */
export function writeSection(section: string): void {
  const file = join(PROJECT_ROOT, 'BENCHMARKS.md');
  writeFileSync(file, withSection(readFileSync(file, 'utf8'), section));
  console.log(section);
}
