import { join } from 'node:path';
import { PROJECT_ROOT } from '../infra/bundling.ts';
import { routeList } from '../shared/contract/routes.ts';
import { coldStartSection, measureBundles } from './bundles.ts';
import { writeSection } from './measured.ts';

/** `npm run bench:bundles`: only the API functions' cold-start figures, put into BENCHMARKS.md in place of their section. */
const runs = Number(process.env.BENCH_IMPORT_RUNS ?? 15);
const { floor, functions } = await measureBundles(
  PROJECT_ROOT,
  routeList.map((r) => ({ name: r.handler, entry: join(PROJECT_ROOT, 'functions', `${r.handler}.ts`) })),
  runs,
);
writeSection(coldStartSection(floor, functions, runs));
