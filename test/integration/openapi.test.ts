import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { routeList } from '../../shared/contract/routes.ts';
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
    expect(response.body).toEqual(JSON.parse(JSON.stringify(openApiDocument(routeList))));
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

  it('describes the registration body as strict, with its required fields', async () => {
    const document = (await call(api, 'GET', '/openapi.json')).body;
    const schema = document.paths['/members'].post.requestBody.content['application/json'].schema;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required.sort()).toEqual(['birthDate', 'firstNames', 'surname']);
  });
});
