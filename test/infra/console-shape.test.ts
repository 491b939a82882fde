import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/bundling.ts';
import { GENERATED_DIR } from '../../scripts/generate-console-client.ts';
import { circles, filesUnder, importGraph, linesOf } from '../support/import-graph.ts';

const WEB = join(PROJECT_ROOT, 'web');
const SOURCE = join(WEB, 'src');
/** The most lines a hand-written file of the console may have: a longer one is split by what it does. */
const MOST_LINES = 400;
/** The most JavaScript, gzipped, that the console's first page may load. */
const FIRST_LOAD_BYTES = 150 * 1024;
/** A property only Chart.js sets: where it is, the charts' library is. */
const CHART_JS = '_chartjs';

/** The console's sources and the files their relative imports reach. */
const consoleGraph = () => importGraph(filesUnder(SOURCE).filter((file) => /\.tsx?$/.test(file)));

const shown = (files: string[]) => files.map((file) => relative(PROJECT_ROOT, file)).join(' → ');

describe('the console’s house', () => {
  const graph = consoleGraph();

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
      .map((file) => ({ file: relative(PROJECT_ROOT, file), lines: linesOf(file) }))
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
