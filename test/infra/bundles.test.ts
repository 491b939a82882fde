import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { esbuildOptions, PROJECT_ROOT } from '../../infra/bundling.ts';
import { routeList, routes } from '../../shared/contract/routes.ts';

describe('each API function’s bundle', () => {
  it('carries its own route and no other (one export per route, each free of side effects)', async () => {
    const bundles = await Promise.all(
      routeList.map(async (route) => {
        const result = await build({
          ...esbuildOptions(
            join(PROJECT_ROOT, 'functions', `${route.handler}.ts`),
            join('/bundles', `${route.handler}.mjs`),
          ),
          absWorkingDir: PROJECT_ROOT,
          sourcemap: false,
          write: false,
        });
        return { route, text: result.outputFiles[0]!.text };
      }),
    );
    for (const { route, text } of bundles) {
      const carried = routeList
        .filter((other) => text.includes(`"${other.handler}"`))
        .map((other) => other.handler);
      // The OpenAPI document is every route's, by design.
      const expected = route === routes.openApi ? routeList.map((every) => every.handler) : [route.handler];
      expect(carried, route.handler).toEqual(expected);
    }
  }, 120_000);
});
