import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../infra/bundling.ts';

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

/** A markdown text as its "## " blocks: each heading and what follows it, up to the next heading. */
const blocks = (markdown: string) => markdown.split(/\n(?=## )/);
const headingOf = (block: string) => block.slice(0, block.indexOf('\n'));

/**
 * BENCHMARKS.md with a section's blocks (one heading or several) put in place of their earlier
 * versions, where the first of them stood; a section new to the file goes before the legacy import's.
 */
export function withSection(markdown: string, section: string): string {
  const mine = blocks(section.trimEnd() + '\n');
  const headings = new Set(mine.map(headingOf));
  const current = blocks(markdown);
  const at = current.findIndex((block) => headings.has(headingOf(block)));
  const kept = current.filter((block) => !headings.has(headingOf(block)));
  const legacy = kept.findIndex((block) => block.startsWith('## Legacy import'));
  kept.splice(at >= 0 ? at : legacy >= 0 ? legacy : kept.length, 0, ...mine);
  return kept.join('\n');
}

/**
 * Puts one section into BENCHMARKS.md in place of its earlier version, under its heading the command
 * and the day that made it, and prints it.
 */
export function writeSection(name: string, section: string): void {
  const file = join(PROJECT_ROOT, 'BENCHMARKS.md');
  const end = section.indexOf('\n');
  const made = `\n_\`npm run bench -- ${name}\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}._\n`;
  const dated = section.slice(0, end + 1) + made + section.slice(end + 1);
  writeFileSync(file, withSection(readFileSync(file, 'utf8'), dated));
  console.log(dated);
}
