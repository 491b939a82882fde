import { join } from 'node:path';
import { PROJECT_ROOT } from '../infra/local/register.ts';
import { measureBundles } from './bundles.ts';
import {
  CONSOLE_ROUTE_HANDLERS,
  consoleSection,
  measureConsoleBundle,
  measureMemberPage,
  measureNameSearch,
} from './console.ts';
import { writeSection } from './measured.ts';

/**
 * `npm run bench:console`: only the console's and the name search's figures, put into BENCHMARKS.md in
 * place of their section (the whole `npm run bench` takes most of an hour).
 */
export async function measureConsole() {
  const bundle = measureConsoleBundle();
  const page = await measureMemberPage();
  const search = await measureNameSearch(Number(process.env.BENCH_SEARCH_MEMBERS ?? 20_000));
  const routes = await measureBundles(
    PROJECT_ROOT,
    CONSOLE_ROUTE_HANDLERS.map((name) => ({ name, entry: join(PROJECT_ROOT, 'functions', `${name}.ts`) })),
    Number(process.env.BENCH_IMPORT_RUNS ?? 15),
  );
  return consoleSection({ bundle, page, search, routes });
}

if (process.argv[1]?.endsWith('console-run.ts')) writeSection(await measureConsole());
