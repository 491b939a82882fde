import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

/** Every file under a folder, with its path. */
export const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

/** How many lines a file has, a trailing newline not counted. */
export const linesOf = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n').length;

/**
 * Each source file and the files its relative imports reach (static, type-only, re-exports, dynamic),
 * read by TypeScript's own pre-parser; a package is not a file of the house.
 */
export function importGraph(sources: readonly string[]): Map<string, string[]> {
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
export function circles(graph: Map<string, string[]>): string[][] {
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
