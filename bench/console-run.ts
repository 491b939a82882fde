import { consoleSection, measureConsoleBundle, measureMemberPage, measureNameSearch } from './console.ts';
import { writeSection } from './measured.ts';

/**
 * `npm run bench:console`: only the console's and the name search's figures, put into BENCHMARKS.md in
 * place of their section (the whole `npm run bench` takes most of an hour).
 */
export async function measureConsole() {
  const bundle = measureConsoleBundle();
  const page = await measureMemberPage();
  const search = await measureNameSearch(Number(process.env.BENCH_SEARCH_MEMBERS ?? 20_000));
  return consoleSection({ bundle, page, search });
}

if (process.argv[1]?.endsWith('console-run.ts')) writeSection(await measureConsole());
