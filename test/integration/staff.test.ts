import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { localStaffAccounts } from '../../infra/local/staff-accounts.ts';
import { recordStaffSignIn } from '../../shared/accounts/staff.ts';
import { accessLogStore } from '../../shared/store/default-stores.ts';
import { ADMIN } from '../support/fixtures.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { setClock } from '../support/clock.ts';

let api: LocalApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const emailOf = (name: string) => `${name}.${Date.now()}@moymore.example`;
const invite = (email: string, groups: string[]) =>
  call(api, 'POST', '/staff-accounts', { as: ADMIN, body: { email, groups } });

describe('staff accounts, kept by the admin', () => {
  it('invites a person into groups, changes them, disables and enables, each change in the access review', async () => {
    setClock('2026-10-01T09:00:00+03:00');
    const email = emailOf('liisa');
    const invited = await invite(email, ['customer-service']);
    expect(invited.status).toBe(201);
    const username = invited.body.username as string;
    expect(invited.body).toMatchObject({ email, groups: ['customer-service'], enabled: true });
    expect(localStaffAccounts.signInAccount(email)?.groups).toEqual(['customer-service']);
    expect((await invite(email, ['admin'])).status).toBe(409);

    setClock('2026-11-02T09:00:00+02:00');
    const moved = await call(api, 'PUT', `/staff-accounts/${username}/groups`, {
      as: { role: 'admin', subject: 'admin-two' },
      body: { groups: ['processor', 'customer-service'] },
    });
    expect(moved.status).toBe(200);
    // The groups in the register's order, whatever order they were sent in.
    expect(moved.body.groups).toEqual(['customer-service', 'processor']);

    const disabled = await call(api, 'PUT', `/staff-accounts/${username}/enabled`, {
      as: ADMIN,
      body: { enabled: false },
    });
    expect(disabled.body.enabled).toBe(false);
    // A disabled account cannot sign in; enabled again, it has the groups it had.
    expect(localStaffAccounts.signInAccount(email)).toBeUndefined();
    await call(api, 'PUT', `/staff-accounts/${username}/enabled`, { as: ADMIN, body: { enabled: true } });
    expect(localStaffAccounts.signInAccount(email)?.groups).toEqual(['customer-service', 'processor']);
    await recordStaffSignIn(
      { username, groups: ['processor'] },
      accessLogStore(),
      new Date('2026-11-03T08:00:00Z'),
    );

    const review = await call(api, 'GET', '/access-review', { as: ADMIN });
    expect(review.status).toBe(200);
    const row = review.body.accounts.find((a: { email: string }) => a.email === email);
    expect(row).toEqual({
      email,
      groups: ['customer-service', 'processor'],
      enabled: true,
      lastSignInAt: '2026-11-03T08:00:00.000Z',
      grantedBy: [
        {
          group: 'customer-service',
          actor: expect.stringContaining('admin'),
          at: expect.stringMatching(/^2026-10-01T06:00/),
        },
        { group: 'processor', actor: 'admin-two', at: expect.stringMatching(/^2026-11-02T07:00/) },
      ],
    });
    const csv = await call(api, 'GET', '/access-review?format=csv', { as: ADMIN });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = parse(csv.text, { columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(rows.find((r) => r.email === email)).toMatchObject({
      groups: 'customer-service processor',
      enabled: 'yes',
      lastSignInAt: '2026-11-03T08:00:00.000Z',
    });
  });

  it('refuses an empty or unknown group, a member’s group, and an account that is not staff', async () => {
    for (const groups of [[], ['member'], ['pos'], ['admin', 'admin']]) {
      const refused = await invite(emailOf('x'), groups);
      expect(refused.status, JSON.stringify(groups)).toBe(400);
      expect(refused.body.errors[0].field).toMatch(/^groups/);
    }
    const unknown = await call(api, 'PUT', '/staff-accounts/local-member-1234567897/groups', {
      as: ADMIN,
      body: { groups: ['admin'] },
    });
    expect(unknown.status).toBe(404);
  });

  it('lets no admin take away their own admin access or disable themselves', async () => {
    const email = emailOf('admin');
    const username = (await invite(email, ['admin'])).body.username as string;
    const self = { role: 'admin', subject: username } as const;
    const demote = await call(api, 'PUT', `/staff-accounts/${username}/groups`, {
      as: self,
      body: { groups: ['marketing'] },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.type).toBe('https://moymore.fi/problems/own-access');
    const off = await call(api, 'PUT', `/staff-accounts/${username}/enabled`, {
      as: self,
      body: { enabled: false },
    });
    expect(off.status).toBe(409);
    expect(localStaffAccounts.signInAccount(email)?.groups).toEqual(['admin']);
  });

  it('is the admin’s alone', async () => {
    for (const role of ['customer-service', 'processor', 'marketing'] as const)
      expect((await call(api, 'GET', '/staff-accounts', { as: { role } })).status).toBe(403);
  });
});
