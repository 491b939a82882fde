import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/bundling.ts';
import { circles, filesUnder, importGraph, linesOf } from '../support/import-graph.ts';

/**
 * The backend's house: shared/ (the domain, the contract and the adapters), functions/ (the entry
 * points) and infra/ (the CDK app and the local runtime). Every file there is written by hand; tests
 * and the benches (test/, bench/) are not held to the line count.
 */
const HOUSE = ['shared', 'functions', 'infra'];
/** The most lines a file of the house may have: a longer one is split by what it does. */
const MOST_LINES = 400;

const sources = HOUSE.flatMap((dir) => filesUnder(join(PROJECT_ROOT, dir))).filter((file) =>
  file.endsWith('.ts'),
);
const shown = (files: string[]) => files.map((file) => relative(PROJECT_ROOT, file)).join(' → ');

describe('the backend’s house', () => {
  it('has no import circle (type-only imports and re-exports count)', () => {
    expect(circles(importGraph(sources)).map(shown)).toEqual([]);
  });

  it('sees a circle made of a type-only import and a re-export (the check itself)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'house-'));
    const [a, b] = [join(dir, 'a.ts'), join(dir, 'b.ts')];
    writeFileSync(a, "import type { B } from './b.ts';\nexport type A = B;\n");
    writeFileSync(b, "export type { A as B } from './a.ts';\n");
    try {
      expect(circles(importGraph([a, b]))).toEqual([[a, b, a]]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it(`has no file over ${MOST_LINES} lines`, () => {
    const long = sources
      .map((file) => ({ file: relative(PROJECT_ROOT, file), lines: linesOf(file) }))
      .filter(({ lines }) => lines > MOST_LINES);
    expect(long).toEqual([]);
  });
});
