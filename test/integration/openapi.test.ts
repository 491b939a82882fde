import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { routeList, routes } from '../../shared/contract/routes.ts';
import { openApiDocument } from '../../shared/http/openapi.ts';
import { call, startTestApi } from '../support/local-api.ts';

let api: LocalApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

type Operation = { parameters: { name: string; in: string; required: boolean }[]; requestBody?: unknown };

describe('GET /openapi.json', () => {
  it('is served without a token and is the document generated from the route table', async () => {
    const response = await call(api, 'GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(response.body).toEqual(JSON.parse(JSON.stringify(openApiDocument(routes))));
  });

  it('has one operation per route and no other, with the path parameters and bodies the handlers parse', async () => {
    const document = (await call(api, 'GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(routeList.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of routeList) {
      const operation = document.paths[route.path]![route.method.toLowerCase()]!;
      const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(operation.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(inPath);
      expect(operation.requestBody !== undefined).toBe(route.body !== undefined);
    }
  });

  it('documents only routes the API really serves', async () => {
    const document = (await call(api, 'GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations)) {
        const concrete = path.replace('{customerNumber}', '0000000000');
        const response = await call(api, method.toUpperCase(), concrete);
        // API Gateway's own "Not Found" would mean the route is documented but not served.
        expect(response.body, `${method} ${path}`).not.toEqual({ message: 'Not Found' });
      }
    }
  });

  it('passes redocly lint with its recommended rules: no error, no warning', async () => {
    const served = (await call(api, 'GET', '/openapi.json')).body;
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(served));
    const run = spawnSync(
      process.execPath,
      [join('node_modules', '@redocly', 'cli', 'bin', 'cli.js'), 'lint', file, '--format=json'],
      {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    rmSync(dir, { recursive: true });
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string }[];
    };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('names every operation as the route table does, so generated clients get usable names', async () => {
    const document = (await call(api, 'GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const ids = Object.values(document.paths).flatMap((ops) =>
      Object.values(ops).map((op) => op.operationId),
    );
    expect(ids.sort()).toEqual(Object.keys(routes).sort());
  });

  it('describes the registration body as strict, with its required fields', async () => {
    const document = (await call(api, 'GET', '/openapi.json')).body;
    const schema = document.paths['/members'].post.requestBody.content['application/json'].schema;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required.sort()).toEqual(['birthDate', 'firstNames', 'surname']);
  });
});
