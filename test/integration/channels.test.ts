import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { PERSONAL_FIELDS } from '../../shared/members/member.ts';
import { ADMIN, aRegistration, CUSTOMER_SERVICE } from '../support/fixtures.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { setClock } from '../support/clock.ts';

let api: LocalApi;
beforeAll(async () => {
  api = await startTestApi();
  setClock('2026-12-03T12:00:00+02:00');
});
afterAll(() => api.stop());

const register = (body: Record<string, unknown>) =>
  call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration(body) });

describe('the channel of a registration', () => {
  it('keeps a paper registration with the form’s date, shows it and exports it', async () => {
    const paper = await register({
      channel: 'paper',
      formDate: '2026-11-28',
      consents: [{ purpose: 'marketing.email', granted: true, noticeVersion: '2026.1' }],
    });
    expect(paper.status).toBe(201);
    const n = paper.body.customerNumber as string;
    expect((await call(api, 'GET', `/members/${n}`, { as: CUSTOMER_SERVICE })).body).toMatchObject({
      channel: 'paper',
      formDate: '2026-11-28',
    });
    const history = (await call(api, 'GET', `/members/${n}/consents/history`, { as: CUSTOMER_SERVICE })).body;
    expect(history.events).toEqual([
      expect.objectContaining({ purpose: 'marketing.email', source: 'registration', channel: 'paper' }),
    ]);
    const exported = JSON.stringify((await call(api, 'GET', `/members/${n}/export`, { as: ADMIN })).body);
    expect(exported).toContain('"channel":"paper"');
    expect(exported).toContain('"formDate":"2026-11-28"');
  });

  it('says console for the console, api when a system names none', async () => {
    const console_ = await register({ channel: 'console' });
    expect(console_.body.channel).toBe('console');
    expect(console_.body.formDate).toBeUndefined();
    expect((await register({})).body.channel).toBe('api');
  });

  it('refuses a paper registration without its date, a date without paper, a date to come, a channel staff cannot name', async () => {
    for (const body of [
      { channel: 'paper' },
      { channel: 'console', formDate: '2026-11-28' },
      { formDate: '2026-11-28' },
    ]) {
      const refused = await register(body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.errors).toContainEqual(expect.objectContaining({ field: 'formDate' }));
    }
    const tomorrow = await register({ channel: 'paper', formDate: '2026-12-04' });
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.body.errors).toContainEqual(
      expect.objectContaining({ field: 'formDate', message: 'must not be after today' }),
    );
    for (const channel of ['self-service', 'legacy-import']) {
      const refused = await register({ channel });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toContainEqual(expect.objectContaining({ field: 'channel' }));
    }
  });
});

describe('the channel of a consent', () => {
  it('records staff’s channel, and self-service for a member’s own answer whatever it says', async () => {
    const n = (await register({ channel: 'console' })).body.customerNumber as string;
    const answer = { source: 'letter', noticeVersion: '2026.1' };
    await call(api, 'PUT', `/members/${n}/consents/marketing.sms`, {
      as: CUSTOMER_SERVICE,
      body: { ...answer, granted: true, channel: 'paper' },
    });
    const member = { role: 'member', customerNumber: n } as const;
    const own = await call(api, 'PUT', `/members/${n}/consents/marketing.sms`, {
      as: member,
      body: { granted: false, source: 'web', noticeVersion: '2026.1', channel: 'console' },
    });
    expect(own.status).toBe(200);
    await call(api, 'PUT', `/members/${n}/consents/profiling`, {
      as: CUSTOMER_SERVICE,
      body: { ...answer, granted: true },
    });
    const history = (await call(api, 'GET', `/members/${n}/consents/history`, { as: CUSTOMER_SERVICE })).body;
    expect(history.events.map((e: { purpose: string; channel: string }) => [e.purpose, e.channel])).toEqual([
      ['marketing.sms', 'paper'],
      ['marketing.sms', 'self-service'],
      ['profiling', 'api'],
    ]);
  });
});

describe('the printable paper form', () => {
  it('is in Finnish, Swedish and English, with every field of the register and the consents asked today', async () => {
    for (const [lang, surname, email] of [
      ['fi', 'Sukunimi', 'Sähköpostimarkkinointi'],
      ['sv', 'Efternamn', 'Marknadsföring per e-post'],
      ['en', 'Surname', 'Marketing by email'],
    ] as const) {
      const form = await call(api, 'GET', `/paper-form?lang=${lang}`);
      expect(form.status).toBe(200);
      expect(form.headers.get('content-type')).toContain('text/html');
      const html = form.text;
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(surname);
      expect(html).toContain(email);
      // Post is no longer asked: its consent is not on the form.
      expect(html).not.toContain(lang === 'en' ? 'Marketing by post' : 'postitse');
      // The one style block is the one the policy allows, and nothing else is.
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
      const hash = createHash('sha256').update(style).digest('base64');
      expect(form.headers.get('content-security-policy')).toBe(
        `default-src 'none'; style-src 'sha256-${hash}'`,
      );
    }
    const english = (await call(api, 'GET', '/paper-form?lang=en')).text;
    const labels = {
      surname: 'Surname',
      firstNames: 'First names',
      streetAddress: 'Street address',
      postalCode: 'Postal code',
      postOffice: 'Post office',
      mobile: 'Mobile',
      phone: 'Phone',
      email: 'Email',
      birthDate: 'Date of birth',
      gender: 'Gender',
      language: 'Language',
    };
    for (const field of PERSONAL_FIELDS) expect(english, field).toContain(labels[field]);
  });

  it('offers a refusal where a channel rests on the own-customer exception', async () => {
    const saved = await call(api, 'PUT', '/marketing-settings', {
      as: ADMIN,
      body: { ownCustomerException: { email: true, sms: false } },
    });
    expect(saved.status).toBe(200);
    const swedish = (await call(api, 'GET', '/paper-form?lang=sv')).text;
    expect(swedish).toContain('Nej tack: Marknadsföring per e-post');
    expect(swedish).toContain('Ja: Marknadsföring per textmeddelande');
  });
});
