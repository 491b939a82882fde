import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { routeList } from '../infra/routes.ts';
import { measureBundles } from './bundles.ts';
import { measureHandler } from './handler-time.ts';

/** `npm run bench`: prints the figures and writes them to BENCHMARKS.md with the command that made them. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 9);

const { floor, functions } = await measureBundles(
  ROOT,
  routeList.map((r) => ({ name: r.handler, entry: join(ROOT, 'functions', `${r.handler}.ts`) })),
  RUNS,
);
const handler = await measureHandler();

const ok = (pass: boolean) => (pass ? 'yes' : '**NO**');
const rows = functions.map((f) => {
  const ratio = f.importMs / floor.importMs;
  const extraKb = f.kilobytes - floor.kilobytes;
  return `| ${f.name} | ${f.kilobytes.toFixed(1)} | +${extraKb.toFixed(1)} | ${ok(extraKb <= 100)} | ${f.importMs.toFixed(1)} | ${ratio.toFixed(2)} | ${ok(ratio <= 1.3)} |`;
});

const report = `# Benchmarks

Made by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.arch}.
Figures are from one run on a noisy 2-core machine; the ratios against the floor, built and measured
in the same run with the same esbuild settings as the CDK app (\`infra/bundling.ts\`), are what to compare.

## Cold start: bundle size and module init

Import time is the median of ${RUNS} imports of the bundle, each in a fresh Node process.
The floor is a bundle holding nothing but the DynamoDB document client.

| bundle | minified KB | over floor KB | ≤ floor + 100 KB | import ms | × floor | ≤ 1.3 × floor |
| --- | ---: | ---: | --- | ---: | ---: | --- |
| ${floor.name} | ${floor.kilobytes.toFixed(1)} | | | ${floor.importMs.toFixed(1)} | 1.00 | |
${rows.join('\n')}

## Warm member read, store mocked

Median over 21 batches of 500 calls of the mean time per call (aws-sdk-client-mock answers GetItem and
the audit PutItem). "Plumbing" is the same middy stack, claims, strict parsing and JSON response with a
domain call that does nothing.

| measure | µs per call | target | met |
| --- | ---: | --- | --- |
| GET /members/{customerNumber} handler | ${handler.readMicros.toFixed(1)} | ≤ 1000 | ${ok(handler.readMicros <= 1000)} |
| middleware and validation | ${handler.plumbingMicros.toFixed(1)} | ≤ 10 | ${ok(handler.plumbingMicros <= 10)} |
`;

writeFileSync(join(ROOT, 'BENCHMARKS.md'), report);
console.log(report);
