import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { MemberView } from '../../shared/members/schemas.ts';
import { isCustomerNumber } from '../../shared/members/customer-number.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, tableName } from '../../shared/store/dynamo.ts';
import { pendingCardOrderIndex } from '../../shared/store/keys.ts';
import { TABLE_SCHEMA } from '../../shared/store/table.ts';
import { aRegistration, CUSTOMER_SERVICE } from '../support/fixtures.ts';
import { handler as auditVerifyJob } from '../../functions/jobs/audit-verify.ts';

let api: LocalApi;

/** The card order queue as the card batch will read it: GSI1, pending orders only. */
async function pendingOrders(customerNumber: string) {
  const { gsi1pk } = pendingCardOrderIndex('', customerNumber);
  const { Items = [] } = await createDocumentClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: TABLE_SCHEMA.gsi1.indexName,
      KeyConditionExpression: 'gsi1pk = :pending',
      ExpressionAttributeValues: { ':pending': gsi1pk },
    }),
  );
  return Items.filter((item) => item.customerNumber === customerNumber);
}
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const register = async (overrides: Record<string, unknown> = {}) => {
  const response = await call(api, 'POST', '/members', {
    as: CUSTOMER_SERVICE,
    body: aRegistration(overrides),
  });
  expect(response.status).toBe(201);
  return response;
};

describe('a newcomer registers, reads back and corrects a member', () => {
  it('registers a member with Finnish characters and normalises email and phone', async () => {
    const created = await register({
      email: '  Asa.Ohman@Example.FI ',
      mobile: '040 765 4321',
      phone: '09 123 4567',
    });
    const member = created.body;
    expect(MemberView.safeParse(member).success).toBe(true);
    expect(isCustomerNumber(member.customerNumber)).toBe(true);
    expect(member).toMatchObject({
      surname: 'Äijälä-Öhman',
      firstNames: 'Åsa Märta',
      email: 'asa.ohman@example.fi',
      mobile: '+358407654321',
      phone: '+35891234567',
      card: { type: 'NONE', status: 'NONE' },
      version: 1,
    });
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(`/members/${member.customerNumber}`);

    const read = await call(api, 'GET', `/members/${member.customerNumber}?include=sources`, {
      as: CUSTOMER_SERVICE,
    });
    expect(read.status).toBe(200);
    expect(read.body.surname).toBe('Äijälä-Öhman');
    expect(read.body.sources.surname).toEqual({ source: 'customer-service', at: member.createdAt });
    expect(read.headers.get('etag')).toBe('"1"');
  });

  it('corrects a member with If-Match, records the new source, and refuses a stale or missing version', async () => {
    const { body: member } = await register();
    const path = `/members/${member.customerNumber}`;
    const asMember = { role: 'member', customerNumber: member.customerNumber } as const;

    const missing = await call(api, 'PATCH', path, { as: asMember, body: { postOffice: 'Espoo' } });
    expect(missing.status).toBe(428);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');

    const corrected = await call(api, 'PATCH', path, {
      as: asMember,
      headers: { 'if-match': '"1"' },
      body: { streetAddress: 'Tapiolantie 3', postalCode: '02100', postOffice: 'Espoo', phone: null },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.headers.get('etag')).toBe('"2"');
    expect(corrected.body).toMatchObject({ postOffice: 'Espoo', version: 2 });

    const stale = await call(api, 'PATCH', path, {
      as: asMember,
      headers: { 'if-match': '"1"' },
      body: { surname: 'Virtanen' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.type).toBe('https://moymore.fi/problems/stale-version');
    // Compared strongly (RFC 9110): a weak tag or another spelling of the version never matches.
    for (const tag of ['W/"2"', '"02"', '2', '"2"x']) {
      const loose = await call(api, 'PATCH', path, {
        as: asMember,
        headers: { 'if-match': tag },
        body: { surname: 'Virtanen' },
      });
      expect(loose.status).toBe(412);
    }

    const read = await call(api, 'GET', `${path}?include=sources`, { as: CUSTOMER_SERVICE });
    expect(read.body).toMatchObject({ surname: 'Äijälä-Öhman', postOffice: 'Espoo', version: 2 });
    expect(read.body.sources.postOffice.source).toBe('member');
    expect(read.body.sources.surname.source).toBe('customer-service');
  });

  it('corrects gender, language and the date of birth; the date only with a reason, audited with it', async () => {
    const { body: member } = await register({ birthDate: '1980-05-06', gender: 'male', language: 'fi' });
    const path = `/members/${member.customerNumber}`;
    const patch = (body: object) =>
      call(api, 'PATCH', path, { as: CUSTOMER_SERVICE, headers: { 'if-match': '*' }, body });
    const noReason = await patch({ birthDate: '1980-06-05', gender: 'female' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([
      { field: 'birthDateReason', message: 'is needed to correct the date of birth' },
    ]);
    const badReason = await patch({ birthDate: '1980-06-05', birthDateReason: 'because' });
    expect(badReason.status).toBe(400);
    expect(badReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['birthDateReason']);
    expect((await call(api, 'GET', path, { as: CUSTOMER_SERVICE })).body.birthDate).toBe('1980-05-06');

    const corrected = await patch({
      birthDate: '1980-06-05',
      birthDateReason: 'identity-document',
      gender: 'female',
      language: 'sv',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ birthDate: '1980-06-05', gender: 'female', language: 'sv' });
    // Gender and language alone need no reason.
    expect((await patch({ language: 'en' })).status).toBe(200);
    // The member corrects their own language, but not their date of birth: customer service checks it.
    const own = { role: 'member', customerNumber: member.customerNumber } as const;
    const byMember = await call(api, 'PATCH', path, {
      as: own,
      headers: { 'if-match': '*' },
      body: { birthDate: '1980-06-06', birthDateReason: 'identity-document' },
    });
    expect(byMember.status).toBe(400);
    expect(byMember.body.errors).toEqual([
      { field: 'birthDate', message: 'is corrected by customer service, who check it' },
    ]);
    const trail = (await call(api, 'GET', `${path}/audit`, { as: { role: 'admin' } })).body.entries as {
      action: string;
      fields?: string[];
      reason?: string;
    }[];
    const corrections = trail.filter((entry) => entry.action === 'correct');
    expect(corrections).toEqual([
      expect.objectContaining({ fields: ['birthDate', 'gender', 'language'], reason: 'identity-document' }),
      expect.not.objectContaining({ reason: expect.anything() }),
    ]);
    // The chain still verifies with the reason sealed in it, and the entries before it keep their hashes.
    expect((await auditVerifyJob()).faults).toEqual([]);
  });

  it('lets two concurrent corrections of one version through exactly once', async () => {
    const { body: member } = await register();
    const path = `/members/${member.customerNumber}`;
    const attempts = await Promise.all(
      ['Oulu', 'Turku', 'Vaasa', 'Kuopio'].map((postOffice) =>
        call(api, 'PATCH', path, {
          as: CUSTOMER_SERVICE,
          headers: { 'if-match': '"1"' },
          body: { postOffice },
        }),
      ),
    );
    expect(attempts.map((a) => a.status).sort()).toEqual([200, 412, 412, 412]);
  });
});

describe('uniqueness of email and mobile', () => {
  it('refuses a second member with the same email or mobile, naming the field, and stores nothing', async () => {
    const { body: first } = await register();
    const sameEmail = await call(api, 'POST', '/members', {
      as: CUSTOMER_SERVICE,
      body: aRegistration({ email: first.email.toUpperCase() }),
    });
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.body.errors).toEqual([{ field: 'email', message: 'belongs to another member' }]);

    const sameMobile = await call(api, 'POST', '/members', {
      as: CUSTOMER_SERVICE,
      body: aRegistration({ mobile: first.mobile.replace('+358', '0') }),
    });
    expect(sameMobile.status).toBe(409);
    expect(sameMobile.body.errors[0].field).toBe('mobile');

    const found = await call(api, 'GET', `/members?phone=${encodeURIComponent(first.mobile)}`, {
      as: CUSTOMER_SERVICE,
    });
    expect(found.body.members.map((m: { customerNumber: string }) => m.customerNumber)).toEqual([
      first.customerNumber,
    ]);
  });

  it('refuses a correction to another member’s email, and frees the old email when it changes', async () => {
    const { body: a } = await register();
    const { body: b } = await register();
    const taken = await call(api, 'PATCH', `/members/${b.customerNumber}`, {
      as: CUSTOMER_SERVICE,
      headers: { 'if-match': '"1"' },
      body: { email: a.email },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0].field).toBe('email');

    const moved = await call(api, 'PATCH', `/members/${a.customerNumber}`, {
      as: CUSTOMER_SERVICE,
      headers: { 'if-match': '"1"' },
      body: { email: `new.${a.email}` },
    });
    expect(moved.status).toBe(200);
    const reuse = await call(api, 'PATCH', `/members/${b.customerNumber}`, {
      as: CUSTOMER_SERVICE,
      headers: { 'if-match': '"1"' },
      body: { email: a.email },
    });
    expect(reuse.status).toBe(200);
    const byOld = await call(api, 'GET', `/members?email=${encodeURIComponent(a.email)}`, {
      as: CUSTOMER_SERVICE,
    });
    expect(byOld.body.members[0].customerNumber).toBe(b.customerNumber);
  });

  it('takes If-Match: * as any current version, and a list of tags naming the current one', async () => {
    const member = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() }))
      .body;
    const path = `/members/${member.customerNumber}`;
    const any = await call(api, 'PATCH', path, {
      as: CUSTOMER_SERVICE,
      headers: { 'if-match': '*' },
      body: { postOffice: 'Vantaa' },
    });
    expect(any.status).toBe(200);
    expect(any.headers.get('etag')).toBe('"2"');
    const listed = await call(api, 'PATCH', path, {
      as: CUSTOMER_SERVICE,
      headers: { 'if-match': '"1", "2"' },
      body: { postOffice: 'Espoo' },
    });
    expect(listed.headers.get('etag')).toBe('"3"');
  });

  it('stores names composed (NFC) whatever form they were typed in, and refuses invisible ones', async () => {
    const decomposed = aRegistration({ surname: 'A\u0308ija\u0308la\u0308', firstNames: 'A\u030asa' });
    const created = await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: decomposed });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ surname: 'Äijälä', firstNames: 'Åsa' });
    expect(created.body.surname).toBe('Äijälä'.normalize('NFC'));
    for (const invisible of ['\u3164', '\u034f', '\u0301\u0308', 'Anna\u3164', '\u115f\u1160']) {
      const refused = await call(api, 'POST', '/members', {
        as: CUSTOMER_SERVICE,
        body: aRegistration({ surname: invisible }),
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['surname']);
    }
    const han = await call(api, 'POST', '/members', {
      as: CUSTOMER_SERVICE,
      body: aRegistration({ surname: '王' }),
    });
    expect(han.status).toBe(201);
  });

  it('takes a mobile written with the trunk zero after the country code as the same number', async () => {
    const first = aRegistration({ mobile: `050 ${Date.now() % 10_000_000}` });
    expect((await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: first })).status).toBe(201);
    const same = aRegistration({ mobile: `+358 ${first.mobile}` });
    const taken = await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: same });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([{ field: 'mobile', message: 'belongs to another member' }]);
  });

  it('answers a resent registration with the same Idempotency-Key with the member it created', async () => {
    const body = aRegistration();
    const headers = { 'idempotency-key': `test-${Date.now()}-${Math.random()}` };
    const first = await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body, headers });
    const again = await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.customerNumber).toBe(first.body.customerNumber);

    const other = aRegistration();
    const reused = await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: other, headers });
    expect(reused.status).toBe(422);
    expect(reused.body.type).toBe('https://moymore.fi/problems/idempotency-key-reused');
    const search = await call(api, 'GET', `/members?email=${encodeURIComponent(other.email)}`, {
      as: CUSTOMER_SERVICE,
    });
    expect(search.body.members).toEqual([]);

    const unusable = await call(api, 'POST', '/members', {
      as: CUSTOMER_SERVICE,
      body: aRegistration(),
      headers: { 'idempotency-key': 'x'.repeat(3000) },
    });
    expect(unusable.status).toBe(400);
    expect(unusable.body.errors).toEqual([{ field: 'idempotency-key', message: 'is not valid' }]);
  });
});

describe('lookup for customer service', () => {
  it('finds a member by exact email, mobile written locally, and reports none for an unknown card', async () => {
    const { body: member } = await register();
    const byEmail = await call(
      api,
      'GET',
      `/members?email=${encodeURIComponent(member.email.toUpperCase())}`,
      {
        as: CUSTOMER_SERVICE,
      },
    );
    expect(byEmail.body.members).toHaveLength(1);
    const local = member.mobile.replace('+358', '0');
    const byPhone = await call(api, 'GET', `/members?phone=${encodeURIComponent(local)}`, {
      as: CUSTOMER_SERVICE,
    });
    expect(byPhone.body.members[0].customerNumber).toBe(member.customerNumber);
    const byCard = await call(api, 'GET', '/members?cardNumber=1234567812345678', { as: CUSTOMER_SERVICE });
    expect(byCard.body).toEqual({ members: [] });
  });

  it('asks for exactly one search key', async () => {
    const none = await call(api, 'GET', '/members', { as: CUSTOMER_SERVICE });
    expect(none.status).toBe(400);
    const two = await call(api, 'GET', '/members?email=a@b.fi&phone=0401234567', { as: CUSTOMER_SERVICE });
    expect(two.status).toBe(400);
    expect(two.body.errors[0].message).toBe('give exactly one of email, phone, cardNumber or legacyNumber');
  });
});

describe('card choice', () => {
  it('places an order for a chosen card, replaces it on a change of mind, and is safe to repeat', async () => {
    const { body: member } = await register();
    const path = `/members/${member.customerNumber}/card`;
    const asMember = { role: 'member', customerNumber: member.customerNumber } as const;
    const chosen = await call(api, 'PUT', path, { as: asMember, body: { type: 'CASH_CARD' } });
    expect(chosen.status).toBe(200);
    expect(chosen.body.card).toMatchObject({ type: 'CASH_CARD', status: 'ORDERED' });
    const again = await call(api, 'PUT', path, { as: asMember, body: { type: 'CASH_CARD' } });
    expect(again.body.version).toBe(chosen.body.version);
    const changed = await call(api, 'PUT', path, { as: asMember, body: { type: 'MASTERCARD' } });
    expect(changed.body.card).toMatchObject({ type: 'MASTERCARD', status: 'ORDERED' });
    expect(await pendingOrders(member.customerNumber)).toEqual([
      expect.objectContaining({ cardType: 'MASTERCARD', orderType: 'NEW', status: 'PENDING' }),
    ]);
    const none = await call(api, 'PUT', path, { as: asMember, body: { type: 'NONE' } });
    expect(none.body.card).toEqual({ type: 'NONE', status: 'NONE' });
    expect(await pendingOrders(member.customerNumber)).toEqual([]);
    const bad = await call(api, 'PUT', path, { as: asMember, body: { type: 'GOLD' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toEqual({
      field: 'type',
      message: 'must be one of: MASTERCARD, CASH_CARD, NONE',
    });
  });
});
