import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { handler as preToken } from '../../functions/identity/pre-token.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { orderAndAnswerCard } from '../support/card-answers.ts';
import { ADMIN, aRegistration, CUSTOMER_SERVICE } from '../support/fixtures.ts';
import { mailTo } from '../support/mailbox.ts';
import type { PreTokenGenerationTriggerEvent, Context } from 'aws-lambda';

let api: LocalApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

/** A person who signed up on their own with this email (verified), before any link: no customer number. */
const ownAccount = (email = `own.${randomUUID().slice(0, 8)}@example.fi`) =>
  ({ role: 'member', subject: `acct-${randomUUID()}`, email }) as const;
const register = async (overrides: Record<string, unknown> = {}) =>
  (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration(overrides) })).body;
const cardNumber = () => `6${Array.from({ length: 15 }, () => randomInt(10)).join('')}`;
const auditActions = async (n: string) =>
  (await call(api, 'GET', `/members/${n}/audit`, { as: ADMIN })).body.entries as {
    action: string;
    actor: string;
  }[];

/** Cognito's pre-token-generation event for a user, as the trigger receives it. */
const tokenEvent = (sub: string, groups: string[], email?: string) =>
  ({
    version: '1',
    triggerSource: 'TokenGeneration_HostedAuth',
    region: 'eu-north-1',
    userPoolId: 'eu-north-1_test',
    userName: sub,
    callerContext: { awsSdkVersion: 'x', clientId: 'console' },
    request: {
      userAttributes: { sub, ...(email ? { email, email_verified: 'true' } : {}) },
      groupConfiguration: { groupsToOverride: groups, iamRolesToOverride: [] },
    },
    response: { claimsOverrideDetails: {} },
  }) as unknown as PreTokenGenerationTriggerEvent;
const signIn = (event: PreTokenGenerationTriggerEvent) =>
  preToken(
    event,
    { awsRequestId: randomUUID() } as Context,
    () => undefined,
  ) as Promise<PreTokenGenerationTriggerEvent>;

describe('a member’s own account', () => {
  it('is linked at sign-in by the trigger when a membership has its verified email, and audited', async () => {
    const member = await register();
    const sub = `cognito-${randomUUID()}`;
    const event = await signIn(tokenEvent(sub, ['member'], member.email));
    expect(event.response.claimsOverrideDetails).toEqual({
      claimsToAddOrOverride: { 'custom:customerNumber': member.customerNumber },
    });
    // The next token finds the link; one audit entry for the one change.
    const again = await signIn(tokenEvent(sub, ['member'], member.email));
    expect(again.response.claimsOverrideDetails).toEqual({
      claimsToAddOrOverride: { 'custom:customerNumber': member.customerNumber },
    });
    expect((await auditActions(member.customerNumber)).filter((e) => e.action === 'link-account')).toEqual([
      expect.objectContaining({ actor: sub }),
    ]);
  });

  it('is linked only by exactly the same mailbox: no character mapped into another (the Kelvin sign K is not K)', async () => {
    const member = await register({ email: `kalle.${randomUUID().slice(0, 8)}@example.fi` });
    const lookalike = member.email.replace(/^k/, '\u212A');
    const event = await signIn(tokenEvent(`cognito-${randomUUID()}`, ['member'], lookalike));
    expect(event.response.claimsOverrideDetails).toEqual({ claimsToSuppress: ['custom:customerNumber'] });
    const byEmail = await call(api, 'POST', '/account/link', {
      as: ownAccount(lookalike),
      body: { by: 'email' },
    });
    expect(byEmail.status).toBe(422);
    // The same mailbox written in capitals is the same mailbox.
    const upper = await signIn(tokenEvent(`cognito-${randomUUID()}`, ['member'], member.email.toUpperCase()));
    expect(upper.response.claimsOverrideDetails).toEqual({
      claimsToAddOrOverride: { 'custom:customerNumber': member.customerNumber },
    });
  });

  it('carries no customer number, and no claim set by hand, while nothing is linked; others are left alone', async () => {
    const unknown = await signIn(tokenEvent(`cognito-${randomUUID()}`, ['member'], 'nobody.here@example.fi'));
    expect(unknown.response.claimsOverrideDetails).toEqual({ claimsToSuppress: ['custom:customerNumber'] });
    // Staff, and an account no admin has granted anything, are never linked, whatever their email.
    const member = await register();
    for (const groups of [['customer-service'], []]) {
      const other = await signIn(tokenEvent(`cognito-${randomUUID()}`, groups, member.email));
      expect(other.response.claimsOverrideDetails).toEqual({ claimsToSuppress: ['custom:customerNumber'] });
    }
    expect(await auditActions(member.customerNumber)).not.toContainEqual(
      expect.objectContaining({ action: 'link-account' }),
    );
  });

  it('reaches nothing but linking while unlinked', async () => {
    const member = await register();
    const account = ownAccount();
    expect((await call(api, 'GET', `/members/${member.customerNumber}`, { as: account })).status).toBe(403);
    // A staff token cannot link: the routes are a member's own.
    expect(
      (await call(api, 'POST', '/account/link', { as: CUSTOMER_SERVICE, body: { by: 'email' } })).status,
    ).toBe(403);
  });

  it('links by card number and birth date, and the member then reaches their own record', async () => {
    const member = await register();
    const card = cardNumber();
    await orderAndAnswerCard(api, member.customerNumber, 'PRODUCED', { cardNumber: card });
    const account = ownAccount();
    const linked = await call(api, 'POST', '/account/link', {
      as: account,
      body: { by: 'card', cardNumber: card, birthDate: member.birthDate },
    });
    expect(linked.status).toBe(200);
    expect(linked.body).toEqual({ customerNumber: member.customerNumber });
    // Asking again answers the same link; another account cannot take the membership.
    expect((await call(api, 'POST', '/account/link', { as: account, body: { by: 'email' } })).body).toEqual({
      customerNumber: member.customerNumber,
    });
    // Another account cannot take the membership; the answer is a wrong guess's, telling nothing.
    const other = await call(api, 'POST', '/account/link', {
      as: ownAccount(),
      body: { by: 'card', cardNumber: card, birthDate: member.birthDate },
    });
    expect(other.status).toBe(422);
    expect(other.body.type).toBe('https://moymore.fi/problems/link-not-matched');
    const token = await signIn(tokenEvent(account.subject, ['member']));
    expect(token.response.claimsOverrideDetails.claimsToAddOrOverride).toEqual({
      'custom:customerNumber': member.customerNumber,
    });
    const own = await call(api, 'GET', `/members/${member.customerNumber}`, {
      as: { role: 'member', subject: account.subject, customerNumber: member.customerNumber },
    });
    expect(own.status).toBe(200);
    expect((await auditActions(member.customerNumber)).map((e) => e.action)).toContain('link-account');
  });

  it('refuses a wrong birth date without saying which part was wrong, and locks after five failures', async () => {
    const member = await register();
    const card = cardNumber();
    await orderAndAnswerCard(api, member.customerNumber, 'PRODUCED', { cardNumber: card });
    const account = ownAccount();
    const attempt = (birthDate: string, as: ReturnType<typeof ownAccount> = account) =>
      call(api, 'POST', '/account/link', { as, body: { by: 'card', cardNumber: card, birthDate } });
    for (let i = 0; i < 5; i++) {
      const failed = await attempt(`1970-01-0${i + 1}`);
      expect(failed.status).toBe(422);
      expect(failed.body.type).toBe('https://moymore.fi/problems/link-not-matched');
    }
    // The sixth attempt is refused before it is tried, even with the right birth date.
    const locked = await attempt(member.birthDate);
    expect(locked.status).toBe(429);
    expect(locked.body.type).toBe('https://moymore.fi/problems/link-locked');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(3500);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(3600);
    expect(await auditActions(member.customerNumber)).not.toContainEqual(
      expect.objectContaining({ action: 'link-account' }),
    );
    // A stranger's guesses lock the stranger only: the card's owner, on their own account, links at once.
    expect((await attempt(member.birthDate, ownAccount())).status).toBe(200);
  });

  it('tells the member by email of a link by card; their own email takes the membership back, both accounts told', async () => {
    const member = await register({ language: 'en' });
    const card = cardNumber();
    await orderAndAnswerCard(api, member.customerNumber, 'PRODUCED', { cardNumber: card });
    const stranger = ownAccount();
    const byCard = await call(api, 'POST', '/account/link', {
      as: stranger,
      body: { by: 'card', cardNumber: card, birthDate: member.birthDate },
    });
    expect(byCard.status).toBe(200);
    const [told] = await mailTo(member.email);
    expect(told!.subject).toBe('Your membership was linked to a sign-in account');
    expect(told!.body.text).toContain(stranger.email);
    // At sign-in the member's own account is not linked over the other: the console offers to take it back.
    const owner = ownAccount(member.email);
    const atSignIn = await signIn(tokenEvent(owner.subject, ['member'], member.email));
    expect(atSignIn.response.claimsOverrideDetails).toEqual({ claimsToSuppress: ['custom:customerNumber'] });
    const takenBack = await call(api, 'POST', '/account/link', { as: owner, body: { by: 'email' } });
    expect(takenBack.body).toEqual({ customerNumber: member.customerNumber });
    const [, back] = await mailTo(member.email, 2);
    expect(back!.subject).toBe('Your membership is now on your own account');
    const [gone] = await mailTo(stranger.email);
    expect(gone!.subject).toBe('A membership was unlinked from your account');
    // The stranger's account reaches nothing now, and cannot link again by card.
    const strangerToken = await signIn(tokenEvent(stranger.subject, ['member'], stranger.email));
    expect(strangerToken.response.claimsOverrideDetails).toEqual({
      claimsToSuppress: ['custom:customerNumber'],
    });
    const again = await call(api, 'POST', '/account/link', {
      as: stranger,
      body: { by: 'card', cardNumber: card, birthDate: member.birthDate },
    });
    expect(again.status).toBe(422);
    const links = (await auditActions(member.customerNumber)).filter((e) => e.action === 'link-account');
    expect(links.map((e) => e.actor)).toEqual([stranger.subject, owner.subject]);
  });

  it('links no member who asked to be erased, by email or by card', async () => {
    const member = await register();
    const card = cardNumber();
    await orderAndAnswerCard(api, member.customerNumber, 'PRODUCED', { cardNumber: card });
    const n = member.customerNumber as string;
    await call(api, 'POST', `/members/${n}/erasure-request`, { as: { role: 'member', customerNumber: n } });
    const byEmail = await call(api, 'POST', '/account/link', {
      as: ownAccount(member.email),
      body: { by: 'email' },
    });
    const byCard = await call(api, 'POST', '/account/link', {
      as: ownAccount(),
      body: { by: 'card', cardNumber: card, birthDate: member.birthDate },
    });
    expect([byEmail.status, byCard.status]).toEqual([422, 422]);
  });

  it('takes no lost card as proof, and the verified email as the register keeps emails', async () => {
    const member = await register();
    const card = cardNumber();
    await orderAndAnswerCard(api, member.customerNumber, 'PRODUCED', { cardNumber: card });
    await call(api, 'POST', `/members/${member.customerNumber}/card/lost`, { as: CUSTOMER_SERVICE });
    const lost = await call(api, 'POST', '/account/link', {
      as: ownAccount(),
      body: { by: 'card', cardNumber: card, birthDate: member.birthDate },
    });
    expect(lost.status).toBe(422);
    // Cognito keeps the email as typed; the register compares it as it keeps emails.
    const shouting = await call(api, 'POST', '/account/link', {
      as: ownAccount(` ${(member.email as string).toUpperCase()}`),
      body: { by: 'email' },
    });
    expect(shouting.body).toEqual({ customerNumber: member.customerNumber });
  });

  it('counts attempts sent at once: no more than five are tried', async () => {
    const member = await register();
    const card = cardNumber();
    await orderAndAnswerCard(api, member.customerNumber, 'PRODUCED', { cardNumber: card });
    const account = ownAccount();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(api, 'POST', '/account/link', {
          as: account,
          body: { by: 'card', cardNumber: card, birthDate: `1960-02-${String(i + 1).padStart(2, '0')}` },
        }),
      ),
    );
    // Each is counted for the account before it is tried, in whatever order they land: at most five are tried.
    const tried = answers.filter((a) => a.status === 422).length;
    expect(tried).toBeGreaterThan(0);
    expect(tried).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(12 - tried);
  });

  it('joins as a new member with the verified email, consents with the notice version, linked in the same write', async () => {
    const account = ownAccount();
    const { email: _email, ...form } = aRegistration();
    const joined = await call(api, 'POST', '/account/membership', {
      as: account,
      body: { ...form, consents: [{ purpose: 'marketing.email', granted: true, noticeVersion: '2026.1' }] },
    });
    expect(joined.status).toBe(201);
    expect(joined.body.email).toBe(account.email);
    expect(joined.body.channel).toBe('self-service');
    const n = joined.body.customerNumber as string;
    const consents = await call(api, 'GET', `/members/${n}/consents`, { as: CUSTOMER_SERVICE });
    expect(consents.body.consents).toContainEqual(
      expect.objectContaining({
        purpose: 'marketing.email',
        granted: true,
        noticeVersion: '2026.1',
        channel: 'self-service',
      }),
    );
    // One entry for the one change: the registration carries the link (the rest are the reads above).
    const actions = (await auditActions(n)).map((e) => e.action);
    expect(actions[0]).toBe('register');
    expect(actions).not.toContain('link-account');
    const token = await signIn(tokenEvent(account.subject, ['member'], account.email));
    expect(token.response.claimsOverrideDetails.claimsToAddOrOverride).toEqual({
      'custom:customerNumber': n,
    });
    // Joining twice is refused: the account has its membership.
    const twice = await call(api, 'POST', '/account/membership', { as: account, body: form });
    expect(twice.status).toBe(409);
  });

  it('refuses to join with an email a member has (link instead), or without a verified email', async () => {
    const member = await register();
    const { email: _email, ...form } = aRegistration();
    const taken = await call(api, 'POST', '/account/membership', {
      as: ownAccount(member.email),
      body: form,
    });
    expect(taken.status).toBe(409);
    const unverified = await call(api, 'POST', '/account/membership', {
      as: { role: 'member', subject: `acct-${randomUUID()}` },
      body: form,
    });
    expect(unverified.status).toBe(422);
    expect(unverified.body.type).toBe('https://moymore.fi/problems/email-not-verified');
  });

  it('goes with the member when they are erased: the account reaches nothing after', async () => {
    const member = await register();
    const sub = `cognito-${randomUUID()}`;
    await signIn(tokenEvent(sub, ['member'], member.email));
    const erased = await call(api, 'DELETE', `/members/${member.customerNumber}?reason=member-request`, {
      as: ADMIN,
    });
    expect(erased.status).toBeLessThan(300);
    const after = await signIn(tokenEvent(sub, ['member'], member.email));
    expect(after.response.claimsOverrideDetails).toEqual({ claimsToSuppress: ['custom:customerNumber'] });
  });
});
