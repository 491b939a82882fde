import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/bundling.ts';
import { GENERATED_DIR } from '../../scripts/generate-console-client.ts';

const WEB = join(PROJECT_ROOT, 'web');
const SOURCE = join(WEB, 'src');
/** The most lines a hand-written file of the console may have: a longer one is split by what it does. */
const MOST_LINES = 400;
/** The most JavaScript, gzipped, that the console's first page may load. */
const FIRST_LOAD_BYTES = 150 * 1024;
/** A property only Chart.js sets: where it is, the charts' library is. */
const CHART_JS = '_chartjs';

const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

/**
 * Each source file and the files its relative imports reach (static, type-only, re-exports, dynamic),
 * read by TypeScript's own pre-parser; a package is not a file of the console.
 */
function importGraph(): Map<string, string[]> {
  const sources = filesUnder(SOURCE).filter((file) => /\.tsx?$/.test(file));
  return new Map(
    sources.map((file) => [
      file,
      ts
        .preProcessFile(readFileSync(file, 'utf8'), true, true)
        .importedFiles.map((imported) => imported.fileName)
        .filter((name) => name.startsWith('.'))
        .map((name) => resolve(dirname(file), name)),
    ]),
  );
}

/** The import circles of a graph, each as the files it passes through (depth first, each found once). */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string) => {
    const at = path.indexOf(file);
    if (at >= 0) return void found.push([...path.slice(at), file]);
    if (done.has(file)) return;
    path.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    path.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return found;
}

const shown = (files: string[]) => files.map((file) => relative(PROJECT_ROOT, file)).join(' → ');

describe('the console’s house', () => {
  const graph = importGraph();

  it('reads nothing outside web/src: the backend reaches it only through lib/generated', () => {
    const outside = [...graph].flatMap(([file, imports]) =>
      imports.filter((to) => relative(SOURCE, to).startsWith('..')).map((to) => shown([file, to])),
    );
    expect(outside).toEqual([]);
  });

  it('has no import circle', () => {
    expect(circles(graph).map(shown)).toEqual([]);
  });

  it('sees a circle where there is one (the check itself)', () => {
    const [a, b, c] = ['a.ts', 'b.ts', 'c.ts'];
    expect(
      circles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, [a]],
        ]),
      ),
    ).toEqual([[a, b, c, a]]);
  });

  it(`has no hand-written file over ${MOST_LINES} lines`, () => {
    const long = filesUnder(WEB)
      .filter((file) => !file.startsWith(GENERATED_DIR) && !file.startsWith(join(WEB, 'dist')))
      .map((file) => ({
        file: relative(PROJECT_ROOT, file),
        lines: readFileSync(file, 'utf8').trimEnd().split('\n').length,
      }))
      .filter(({ lines }) => lines > MOST_LINES);
    expect(long).toEqual([]);
  });

  it('loads at most 150 KB of JavaScript gzipped at first, and no Chart.js among it', () => {
    // Built as `npm run build` builds it, by the test run's global setup.
    const dist = join(WEB, 'dist');
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const firstLoad = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) =>
      readFileSync(join(dist, m[1]!)),
    );
    const gzipped = firstLoad.reduce((sum, script) => sum + gzipSync(script).length, 0);
    expect(gzipped).toBeLessThanOrEqual(FIRST_LOAD_BYTES);
    expect(firstLoad.filter((script) => script.includes(CHART_JS))).toEqual([]);
    // …and the marker is real: some chunk loaded later has it.
    const chunks = filesUnder(join(dist, 'assets')).filter((file) => file.endsWith('.js'));
    expect(chunks.some((chunk) => readFileSync(chunk).includes(CHART_JS))).toBe(true);
  });
});
