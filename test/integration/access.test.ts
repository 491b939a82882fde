import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { routeList } from '../../shared/contract/routes.ts';
import { ROLES } from '../../shared/auth/roles.ts';
import { routeKey } from '../../shared/contract/route.ts';
import { createDocumentClient, tableName } from '../../shared/store/dynamo.ts';
import { DynamoMemberStore } from '../../shared/store/dynamo-member-store.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { aReceipt, aRegistration, CUSTOMER_SERVICE } from '../support/fixtures.ts';

let api: LocalApi;
let member: { customerNumber: string; email: string; surname: string; mobile: string };
let other: { customerNumber: string };
/** The member the admin's DELETE erases, so that the other routes keep theirs. */
let doomed: { customerNumber: string };
let campaignId: string;
/** A staff account the admin routes act on. */
const staffEmail = `staff.${Date.now()}@moymore.example`;
let staffUsername: string;

/** A request each route accepts when the caller may make it, so only the role decides the answer. */
const requestFor = (path: string, method: string) => {
  const concrete = path.replace('{customerNumber}', member.customerNumber);
  if (method === 'GET' && path === '/members') return { path: `/members?email=${member.email}` };
  if (path === '/work-queues/{queue}') return { path: '/work-queues/card-overdue' };
  if (path === '/job-runs/{job}') return { path: '/job-runs/card-batch' };
  // No item to resolve: the role passes and the domain answers 404 (not 403).
  if (path === '/work-queues/{queue}/resolutions')
    return {
      path: '/work-queues/address-review/resolutions',
      body: { customerNumber: member.customerNumber, ref: 'none', resolution: 'keep-member' },
    };
  // No statistics computed in this table yet: the role passes and the report answers 404 (not 403).
  if (path === '/reports/{report}') return { path: '/reports/members' };
  if (path === '/member-search') return { path: `${path}?surname=${encodeURIComponent(member.surname)}` };
  if (method === 'POST' && path === '/members') return { path, body: aRegistration() };
  if (path === '/campaigns')
    return method === 'GET' ? { path } : { path, body: { name: 'Kevät', channel: 'email' } };
  if (path.startsWith('/campaigns/'))
    return {
      path: path.replace('{campaignId}', campaignId),
      ...(method === 'PATCH' ? { body: { name: 'Kevät ja kesä' } } : {}),
    };
  if (method === 'PATCH') return { path: concrete, body: {}, headers: { 'if-match': '"1"' } };
  if (path.endsWith('/card')) return { path: concrete, body: { type: 'NONE' } };
  if (path.endsWith('/name-on-card')) return { path: concrete, body: { nameOnCard: 'AINO VIRTANEN' } };
  if (path === '/purchases') return { path, body: aReceipt(member.customerNumber) };
  if (path === '/purchases/batch') return { path, body: { receipts: [aReceipt(member.customerNumber)] } };
  if (path.endsWith('/purchases')) return { path: `${concrete}?from=2026-01&to=2026-12` };
  if (path.startsWith('/pos/')) return { path: `/pos/members/${member.customerNumber}` };
  if (method === 'DELETE')
    return { path: `${path.replace('{customerNumber}', doomed.customerNumber)}?reason=other` };
  if (path.endsWith('/restriction')) return { path: concrete, body: { restricted: false } };
  // A member whose token carries a customer number is linked already: asking again answers it, joining is a 409.
  if (path === '/benefit-rules' && method === 'POST')
    return { path, body: { effectiveFrom: '2027-01', tiers: [{ fromCents: 0, percent: 1 }], groups: {} } };
  if (path === '/marketing-settings' && method === 'PUT')
    return { path, body: { ownCustomerException: { email: false, sms: false } } };
  if (path === '/account/link') return { path, body: { by: 'email' } };
  // An email invited already: the role passes and the directory answers 409.
  if (path === '/staff-accounts' && method === 'POST')
    return { path, body: { email: staffEmail, groups: ['marketing'] } };
  if (path === '/staff-accounts/{username}/groups')
    return { path: path.replace('{username}', staffUsername), body: { groups: ['marketing'] } };
  if (path === '/staff-accounts/{username}/enabled')
    return { path: path.replace('{username}', staffUsername), body: { enabled: true } };
  if (path === '/account/membership')
    return { path, body: { surname: 'Uusi', firstNames: 'Jäsen', birthDate: '1990-01-01' } };
  if (path.endsWith('/{purpose}')) {
    return {
      path: concrete.replace('{purpose}', 'marketing.email'),
      body: { granted: true, source: 'web', noticeVersion: '2026.1' },
    };
  }
  return { path: concrete };
};

beforeAll(async () => {
  api = await startTestApi();
  member = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() })).body;
  other = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() })).body;
  doomed = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() })).body;
  campaignId = (
    await call(api, 'POST', '/campaigns', {
      as: { role: 'marketing' },
      body: { name: 'Syys', channel: 'sms' },
    })
  ).body.campaignId;
  staffUsername = (
    await call(api, 'POST', '/staff-accounts', {
      as: { role: 'admin' },
      body: { email: staffEmail, groups: ['marketing'] },
    })
  ).body.username;
});
afterAll(() => api.stop());

describe('every role against every route', () => {
  const protectedRoutes = routeList.filter((r) => r.roles !== 'public');
  for (const route of protectedRoutes) {
    for (const role of ROLES) {
      const allowed = (route.roles as readonly string[]).includes(role);
      it(`${routeKey(route)} as ${role}: ${allowed ? 'allowed' : '403'}`, async () => {
        const request = requestFor(route.path, route.method);
        const as = role === 'member' ? { role, customerNumber: member.customerNumber } : { role };
        const response = await call(api, route.method, request.path, { as, ...request });
        const path = route.path;
        // Allowed: the role passes; the answer is the route's own (a 409 for a member without a card to replace).
        if (allowed)
          expect(
            ['/work-queues/{queue}/resolutions', '/reports/{report}'].includes(path)
              ? [404]
              : [200, 201, 202, 409],
          ).toContain(response.status);
        else {
          expect(response.status).toBe(403);
          // A machine route refuses a person's token at the authorizer, before the function runs.
          if (!route.scopes) expect(response.body.type).toBe('https://moymore.fi/problems/forbidden');
        }
      });
    }
    if (route.path.includes('{customerNumber}') && (route.roles as readonly string[]).includes('member')) {
      it(`${routeKey(route)} as a member, for another member's number: 404`, async () => {
        const { path, ...request } = requestFor(route.path, route.method);
        const as = { role: 'member', customerNumber: member.customerNumber } as const;
        const response = await call(
          api,
          route.method,
          path.replace(member.customerNumber, other.customerNumber),
          {
            as,
            ...request,
          },
        );
        expect(response.status).toBe(404);
        expect(response.body.type).toBe('https://moymore.fi/problems/not-found');
      });
    }
    it(`${routeKey(route)} without a token: 401`, async () => {
      const request = requestFor(route.path, route.method);
      expect((await call(api, route.method, request.path, request)).status).toBe(401);
    });
  }

  it('lets the tills in with a client-credentials access token on their routes, and nowhere else', async () => {
    const till = await api.token({ role: 'pos' });
    const lookup = await call(api, 'GET', `/pos/members/${member.customerNumber}`, { token: till });
    expect(lookup.status).toBe(200);
    expect((await call(api, 'GET', '/purchases/main-groups', { token: till })).status).toBe(200);
    const personal = await call(api, 'GET', `/members/${member.customerNumber}`, { token: till });
    expect(personal.status).toBe(403);
    expect(personal.body.type).toBe('https://moymore.fi/problems/forbidden');
    // A person's ID token, even in the pos group, has no scope: the till routes refuse it.
    const person = await api.token({ role: 'pos', idToken: true });
    expect((await call(api, 'GET', `/pos/members/${member.customerNumber}`, { token: person })).status).toBe(
      403,
    );
    const admin = await api.token({ role: 'admin' });
    expect((await call(api, 'GET', `/pos/members/${member.customerNumber}`, { token: admin })).status).toBe(
      403,
    );
  });

  it('refuses a forged or expired token as the API Gateway authorizer does', async () => {
    const good = await api.token({ role: 'admin' });
    const [header, payload] = good.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(86)}`;
    expect((await call(api, 'GET', `/members/${member.customerNumber}`, { token: forged })).status).toBe(401);
    const expired = await api.token({ role: 'admin', ttlSeconds: -60 });
    expect((await call(api, 'GET', `/members/${member.customerNumber}`, { token: expired })).status).toBe(
      401,
    );
  });

  it('shows a member only their own record: every other number does not exist for them', async () => {
    const as = { role: 'member', customerNumber: member.customerNumber } as const;
    expect((await call(api, 'GET', `/members/${member.customerNumber}`, { as })).status).toBe(200);
    const others = await call(api, 'GET', `/members/${other.customerNumber}`, { as });
    expect(others.status).toBe(404);
    const patch = await call(api, 'PATCH', `/members/${other.customerNumber}`, {
      as,
      headers: { 'if-match': '"1"' },
      body: { surname: 'Mallikas' },
    });
    expect(patch.status).toBe(404);
  });
});

describe('bad input is refused clearly, changes nothing and echoes nothing', () => {
  it('refuses fields the caller may not set, naming each, and leaves the member unchanged', async () => {
    const untouched = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() }))
      .body;
    const response = await call(api, 'PATCH', `/members/${untouched.customerNumber}`, {
      as: CUSTOMER_SERVICE,
      headers: { 'if-match': '"1"' },
      body: { surname: 'Mallikas', version: 7, flags: { deceased: true }, favouriteColour: 'blue' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body.errors).toEqual([
      { field: 'version', message: 'is set by the register and cannot be sent' },
      { field: 'flags', message: 'is set by the register and cannot be sent' },
      { field: 'favouriteColour', message: 'is not a field of this request' },
    ]);
    const read = await call(api, 'GET', `/members/${untouched.customerNumber}`, { as: CUSTOMER_SERVICE });
    expect(read.body).toEqual(untouched);
  });

  it('lists every invalid field without echoing what was sent', async () => {
    const secret = 'Salainen-Arvo-123';
    const response = await call(api, 'POST', '/members', {
      as: CUSTOMER_SERVICE,
      body: aRegistration({
        surname: `${secret}<script>`,
        postalCode: secret,
        email: secret,
        mobile: secret,
        birthDate: '2020-01-01',
        gender: secret,
      }),
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['birthDate', 'email', 'gender', 'mobile', 'postalCode', 'surname'].sort(),
    );
    expect(response.text).not.toContain(secret);
    expect(response.body.errors.find((e: { field: string }) => e.field === 'birthDate').message).toBe(
      'a member must be at least 15 years old',
    );
  });

  it('rejects a mistyped customer number as such, before any lookup', async () => {
    const mistyped = member.customerNumber.slice(0, 9) + ((Number(member.customerNumber[9]) + 1) % 10);
    const response = await call(api, 'GET', `/members/${mistyped}`, { as: CUSTOMER_SERVICE });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'customerNumber', message: 'check digit does not match: the number is mistyped' },
    ]);
  });

  it('answers a wrong content type 415, broken JSON 400, a required field missing by name', async () => {
    const wrongType = await call(api, 'POST', '/members', {
      as: CUSTOMER_SERVICE,
      rawBody: 'surname=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrongType.status).toBe(415);
    const broken = await call(api, 'POST', '/members', {
      as: CUSTOMER_SERVICE,
      rawBody: '{"surname":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.type).toBe('https://moymore.fi/problems/malformed-body');
    const { surname: _dropped, ...withoutSurname } = aRegistration();
    const missing = await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: withoutSurname });
    expect(missing.body.errors).toEqual([{ field: 'surname', message: 'is required' }]);
  });
});

describe('audit trail of staff access', () => {
  it('records who read, searched and changed a member, and not a member reading their own data', async () => {
    const { body: subject } = await call(api, 'POST', '/members', {
      as: CUSTOMER_SERVICE,
      body: aRegistration(),
    });
    const n = subject.customerNumber;
    await call(api, 'GET', `/members/${n}`, { as: { role: 'processor' } });
    await call(api, 'GET', `/members?email=${subject.email}`, { as: CUSTOMER_SERVICE });
    await call(api, 'GET', `/members/${n}`, { as: { role: 'member', customerNumber: n } });
    await call(api, 'PATCH', `/members/${n}`, {
      as: { role: 'admin' },
      headers: { 'if-match': '"1"' },
      body: { postOffice: 'Tampere', postalCode: '33100', streetAddress: 'Hämeenkatu 1' },
    });

    const trail = await new DynamoMemberStore(createDocumentClient(), tableName()).auditTrail(n);
    expect(trail.map((e) => [e.action, e.role])).toEqual([
      ['register', 'customer-service'],
      ['read', 'processor'],
      ['search', 'customer-service'],
      ['correct', 'admin'],
    ]);
    expect(trail[0]).toMatchObject({ actor: 'local-customer-service', via: 'POST /members' });
    expect(trail[3]!.fields).toEqual(['streetAddress', 'postalCode', 'postOffice']);
    expect(JSON.stringify(trail)).not.toContain('Tampere');
  });
});
