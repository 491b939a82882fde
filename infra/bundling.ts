import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';

/** The checkout's root: functions/ and package-lock.json are found from here. */
export const PROJECT_ROOT = join(import.meta.dirname, '..');

/**
 * How every Lambda is bundled, read by the CDK stack and by the benchmark alike: esbuild from the
 * project's devDependencies, ESM, module entry points first (tree-shakable), minified, the AWS SDK
 * bundled rather than taken from the runtime. Source maps ship beside the bundle for decoding
 * traces; they are not enabled at run time because that slows every cold start.
 */
export const BUNDLE = {
  target: 'node22',
  format: 'esm',
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  // Some CommonJS dependencies call require() on Node built-ins; ESM output has no require of its own.
  banner:
    "import { createRequire as __moymoreRequire } from 'module'; const require = __moymoreRequire(import.meta.url);",
} as const;

/** The same settings for a direct esbuild call (benchmark). */
export const esbuildOptions = (entry: string, outfile: string): BuildOptions => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: BUNDLE.target,
  format: BUNDLE.format,
  mainFields: [...BUNDLE.mainFields],
  minify: BUNDLE.minify,
  sourcemap: BUNDLE.sourceMap,
  sourcesContent: BUNDLE.sourcesContent,
  banner: { js: BUNDLE.banner },
  logLevel: 'error',
});
