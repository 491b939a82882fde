import { describe, expect, it } from 'vitest';
import { callerFromClaims, groupsFromClaim } from '../../shared/auth/caller.ts';
import { flattenClaims } from '../../infra/local/local-jwt.ts';

const call = { via: 'GET /members/{customerNumber}', requestId: 'r1' };

describe('claims from the HTTP API JWT authorizer', () => {
  it('reads cognito:groups in the flattened form API Gateway delivers', () => {
    expect(groupsFromClaim('[admin customer-service]')).toEqual(['admin', 'customer-service']);
    expect(groupsFromClaim('[pos]')).toEqual(['pos']);
    expect(groupsFromClaim('[]')).toEqual([]);
    expect(groupsFromClaim('[unknown-group]')).toEqual([]);
    expect(groupsFromClaim(undefined)).toEqual([]);
  });

  it('reads nothing but that form: a comma inside a group name makes no role', () => {
    expect(groupsFromClaim('[pos,admin]')).toEqual([]);
    expect(groupsFromClaim('admin')).toEqual([]);
    expect(groupsFromClaim('[admin]x')).toEqual([]);
    expect(groupsFromClaim(['admin'])).toEqual([]);
    expect(groupsFromClaim('[pos,admin customer-service]')).toEqual(['customer-service']);
  });

  it('flattens claims locally exactly as API Gateway does', () => {
    expect(
      flattenClaims({
        sub: 'abc',
        'cognito:groups': ['admin', 'pos'],
        exp: 1700000000,
        email_verified: true,
        x: null as never,
        o: { a: 1 },
      }),
    ).toEqual({
      sub: 'abc',
      'cognito:groups': '[admin pos]',
      exp: '1700000000',
      email_verified: 'true',
      o: '{"a":1}',
    });
  });

  it('acts in the most privileged role the route allows', () => {
    const claims = {
      sub: 's1',
      'cognito:groups': '[member customer-service]',
      'custom:customerNumber': '1234567897',
    };
    expect(callerFromClaims(claims, ['customer-service', 'member'], call)).toMatchObject({
      role: 'customer-service',
    });
    expect(callerFromClaims(claims, ['member'], call)).toMatchObject({
      role: 'member',
      customerNumber: '1234567897',
    });
    expect(callerFromClaims(claims, ['pos'], call)).toBe('forbidden');
  });

  it('refuses a member token without a customer number, and a token without a subject', () => {
    expect(callerFromClaims({ sub: 's1', 'cognito:groups': '[member]' }, ['member'], call)).toBe('forbidden');
    expect(callerFromClaims({ 'cognito:groups': '[admin]' }, ['admin'], call)).toBe('unauthenticated');
    expect(callerFromClaims(undefined, ['admin'], call)).toBe('unauthenticated');
  });

  it('lets an unlinked member call only the routes that link an account, with their email only when verified', () => {
    const unlinked = {
      sub: 's1',
      'cognito:groups': '[member]',
      email: 'a@example.fi',
      email_verified: 'true',
    };
    expect(callerFromClaims(unlinked, ['member'], call, true)).toEqual({
      actor: 's1',
      role: 'member',
      verifiedEmail: 'a@example.fi',
      ...call,
    });
    expect(
      callerFromClaims({ ...unlinked, email_verified: 'false' }, ['member'], call, true),
    ).not.toHaveProperty('verifiedEmail');
    // Staff carry no email into the domain.
    expect(
      callerFromClaims({ ...unlinked, 'cognito:groups': '[admin]' }, ['admin'], call, true),
    ).not.toHaveProperty('verifiedEmail');
  });

  it('makes a till of a client-credentials access token by its scope, and of nothing else', () => {
    const call = { via: 'POST /purchases', requestId: 'r' };
    expect(
      callerFromClaims(
        { sub: 'tills', client_id: 'tills', scope: 'moymore-register/purchases' },
        ['pos'],
        call,
      ),
    ).toMatchObject({ role: 'pos', actor: 'tills' });
    expect(callerFromClaims({ sub: 'x', scope: 'openid email' }, ['pos'], call)).toBe('forbidden');
    expect(callerFromClaims({ sub: 'x', scope: 'moymore-register/purchases' }, ['admin'], call)).toBe(
      'forbidden',
    );
  });
});
