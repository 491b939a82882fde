import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { routeList } from '../../shared/contract/routes.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { aRegistration, CUSTOMER_SERVICE } from '../support/fixtures.ts';

let api: LocalApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const answer = (granted: boolean, source = 'web') => ({ granted, source, noticeVersion: '2026.1' });

describe('consents', () => {
  it('records the consents given at registration, none of them required', async () => {
    const bare = await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() });
    expect(bare.status).toBe(201);
    const n = (
      await call(api, 'POST', '/members', {
        as: CUSTOMER_SERVICE,
        body: aRegistration({
          consents: [
            { purpose: 'marketing.email', granted: true, noticeVersion: '2026.1' },
            { purpose: 'profiling', granted: false, noticeVersion: '2026.1' },
          ],
        }),
      })
    ).body.customerNumber;
    const current = await call(api, 'GET', `/members/${n}/consents`, { as: CUSTOMER_SERVICE });
    expect(current.body.consents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'marketing.email', granted: true, source: 'registration' }),
        expect.objectContaining({ purpose: 'profiling', granted: false, source: 'registration' }),
      ]),
    );
    const history = await call(api, 'GET', `/members/${n}/consents/history`, { as: CUSTOMER_SERVICE });
    expect(history.body.events).toHaveLength(2);
  });

  it('lets a member change their own and customer service record one by phone, each in the history', async () => {
    const n = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() })).body
      .customerNumber;
    const self = { role: 'member', customerNumber: n } as const;
    expect(
      (await call(api, 'PUT', `/members/${n}/consents/marketing.sms`, { as: self, body: answer(true) }))
        .status,
    ).toBe(200);
    await call(api, 'PUT', `/members/${n}/consents/marketing.sms`, { as: self, body: answer(true) });
    await call(api, 'PUT', `/members/${n}/consents/marketing.sms`, {
      as: CUSTOMER_SERVICE,
      body: answer(false, 'phone'),
    });
    const ban = await call(api, 'PUT', `/members/${n}/consents/directMarketingBan`, {
      as: self,
      body: answer(true),
    });
    expect(ban.body.consents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          purpose: 'marketing.sms',
          granted: false,
          source: 'phone',
          actor: 'local-customer-service',
        }),
        expect.objectContaining({ purpose: 'directMarketingBan', granted: true, source: 'web' }),
      ]),
    );
    const { events } = (await call(api, 'GET', `/members/${n}/consents/history`, { as: self })).body;
    expect(
      events.map((e: { purpose: string; previously: boolean | null; granted: boolean }) => [
        e.purpose,
        e.previously,
        e.granted,
      ]),
    ).toEqual([
      ['marketing.sms', null, true],
      ['marketing.sms', true, false],
      ['directMarketingBan', null, true],
    ]);
    const other = await call(api, 'PUT', `/members/${n}/consents/marketing.sms`, {
      as: { role: 'member', customerNumber: '1234567897' },
      body: answer(true),
    });
    expect(other.status).toBe(404);
  });

  it('takes only a notice version the register published, and one answer per purpose', async () => {
    const n = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() })).body
      .customerNumber;
    for (const noticeVersion of ['9999.9', 'x', '2025.1'])
      expect(
        (
          await call(api, 'PUT', `/members/${n}/consents/marketing.email`, {
            as: CUSTOMER_SERVICE,
            body: { granted: true, source: 'phone', noticeVersion },
          })
        ).body.errors,
      ).toEqual([{ field: 'noticeVersion', message: 'must be one of: 2026.1' }]);
    const contradicting = await call(api, 'POST', '/members', {
      as: CUSTOMER_SERVICE,
      body: aRegistration({
        consents: [
          { purpose: 'marketing.email', granted: true, noticeVersion: '2026.1' },
          { purpose: 'marketing.email', granted: false, noticeVersion: '2026.1' },
        ],
      }),
    });
    expect([contradicting.status, contradicting.body.errors]).toEqual([
      400,
      [{ field: 'consents', message: 'must answer each purpose at most once' }],
    ]);
    const history = await call(api, 'GET', `/members/${n}/consents/history`, { as: CUSTOMER_SERVICE });
    expect(history.body.events).toEqual([]);
  });

  it('refuses an unknown purpose or source, and has no route that edits or deletes history', async () => {
    const n = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() })).body
      .customerNumber;
    const unknown = await call(api, 'PUT', `/members/${n}/consents/telepathy`, {
      as: CUSTOMER_SERVICE,
      body: answer(true),
    });
    expect(unknown.status).toBe(400);
    const badSource = await call(api, 'PUT', `/members/${n}/consents/profiling`, {
      as: CUSTOMER_SERVICE,
      body: answer(true, 'pigeon'),
    });
    expect(badSource.body.errors[0].field).toBe('source');
    const historyRoutes = routeList.filter((r) => r.path.includes('/consents/history'));
    expect(historyRoutes.map((r) => r.method)).toEqual(['GET']);
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      const attempt = await call(api, method, `/members/${n}/consents/history`, {
        as: { role: 'admin' },
        body: {},
      });
      expect(attempt.status).toBeGreaterThanOrEqual(400);
      expect(attempt.status).toBeLessThan(500);
    }
    expect(
      (await call(api, 'GET', `/members/${n}/consents/history`, { as: CUSTOMER_SERVICE })).body.events,
    ).toEqual([]);
  });
});
