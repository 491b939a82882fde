import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { LocalApi } from '../../infra/local/register.ts';
import { aRegistration, CUSTOMER_SERVICE, uniqueSurname } from '../support/fixtures.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { consoleForThisFile, expectAccessible, newPage, pageProblems, signIn } from '../support/browser.ts';

let api: LocalApi;
let browser: Browser;
consoleForThisFile((started) => ({ api, browser } = started));

async function aMember(overrides: Record<string, unknown> = {}) {
  const response = await call(api, 'POST', '/members', {
    as: CUSTOMER_SERVICE,
    body: aRegistration(overrides),
  });
  expect(response.status).toBe(201);
  return response.body as { customerNumber: string; surname: string; firstNames: string; version: number };
}

describe('customer service in the console', () => {
  it('finds a member by the beginning of the surname and fixes their address', async () => {
    const surname = uniqueSurname('Mäkelä');
    const member = await aMember({ surname, firstNames: 'Aino Kaarina', postalCode: '00100' });
    const page = await newPage(browser);
    await signIn(page, api.url, 'customer-service');
    await expectAccessible(page, 'search page');

    await page.getByLabel('Search members').fill(surname.slice(0, 8).toUpperCase());
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: `${surname}, Aino Kaarina` }).click();
    await expect.poll(() => page.url()).toContain(`/member/${member.customerNumber}`);
    await expectAccessible(page, 'member page');

    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Street address').fill('Uusi katu 5 A 3');
    await page.getByLabel('Postal code').fill('33100');
    await page.getByLabel('Post office').fill('Tampere');
    await expectAccessible(page, 'member page, editing');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();

    const stored = await call(api, 'GET', `/members/${member.customerNumber}`, { as: CUSTOMER_SERVICE });
    expect(stored.body).toMatchObject({
      streetAddress: 'Uusi katu 5 A 3',
      postalCode: '33100',
      postOffice: 'Tampere',
    });
    expect(pageProblems(page)).toEqual([]);
  });

  it('is usable from the keyboard alone: search, open a result, edit and save', async () => {
    const surname = uniqueSurname('Näppäimistö');
    const member = await aMember({ surname, firstNames: 'Kalle' });
    const page = await newPage(browser);
    await signIn(page, api.url, 'customer-service');
    // The search box has the focus on arrival; Enter searches.
    const isFocused = (locator: import('playwright-core').Locator) =>
      locator.evaluate(
        (el) =>
          (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === el,
      );
    await expect.poll(() => isFocused(page.getByLabel('Search members'))).toBe(true);
    await page.keyboard.type(surname);
    await page.keyboard.press('Enter');
    const result = page.getByRole('link', { name: `${surname}, Kalle` });
    await result.waitFor();
    // Tab moves on from the search button to the first result; Enter follows it.
    const focused = () => isFocused(result);
    for (let i = 0; i < 10 && !(await focused()); i += 1) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    await page.keyboard.press('Enter');
    const edit = page.getByRole('button', { name: 'Edit' });
    await edit.waitFor();
    await edit.focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Street address').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Näppäinkatu 1');
    await page.keyboard.press('Enter');
    await page.getByText('Saved.', { exact: true }).waitFor();
    const stored = await call(api, 'GET', `/members/${member.customerNumber}`, { as: CUSTOMER_SERVICE });
    expect(stored.body.streetAddress).toBe('Näppäinkatu 1');
  });

  it('finds a member by email, phone, card number and customer number from the same box', async () => {
    const member = await aMember({ surname: uniqueSurname('Laine') });
    const registered = (await call(api, 'GET', `/members/${member.customerNumber}`, { as: CUSTOMER_SERVICE }))
      .body;
    const page = await newPage(browser);
    await signIn(page, api.url, 'customer-service');
    for (const typed of [registered.email, registered.mobile]) {
      await page.getByRole('link', { name: 'Find a member' }).click();
      await page.getByLabel('Search members').fill(typed);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByRole('link', { name: new RegExp(member.surname) }).waitFor();
    }
    await page.getByLabel('Search members').fill(member.customerNumber);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('heading', { name: new RegExp(member.surname) }).waitFor();
  });

  it('pages through many namesakes, 20 at a time', async () => {
    const surname = uniqueSurname('Nieminen');
    for (let i = 0; i < 23; i += 1)
      await aMember({ surname, firstNames: `Etu${'abcdefghijklmnopqrstuvwxyz'[i]}` });
    const page = await newPage(browser);
    await signIn(page, api.url, 'customer-service');
    await page.getByLabel('Search members').fill(surname);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByRole('list').getByRole('link', { name: new RegExp(surname) });
    await expect.poll(() => results.count()).toBe(20);
    await page.getByRole('button', { name: 'More results' }).click();
    await expect.poll(() => results.count()).toBe(23);
  });

  it('registers a member, showing the API’s field errors at their fields', async () => {
    const page = await newPage(browser);
    await signIn(page, api.url, 'customer-service');
    await page.getByRole('link', { name: 'Register a member' }).click();
    await page.getByLabel('Surname').fill(uniqueSurname('Korhonen'));
    await page.getByLabel('First names').fill('Eero');
    await page.getByLabel('Date of birth').fill('1980-02-01');
    await page.getByLabel('Email').fill('not an email');
    await page.getByRole('button', { name: 'Register' }).click();
    const email = page.getByLabel('Email');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#register-email-error').textContent()).toContain('email');
    await expectAccessible(page, 'register page with errors');

    await email.fill(`eero.${Date.now()}@example.fi`);
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('button', { name: 'Edit' }).waitFor();
    expect(page.url()).toMatch(/\/member\/\d{10}$/);
  });

  it('registers from a paper form with gender and language, and corrects them and the date of birth, the date with a reason', async () => {
    const page = await newPage(browser);
    await signIn(page, api.url, 'customer-service');
    await page.getByRole('link', { name: 'Register a member' }).click();
    // The page's own fields: the header has a language choice of its own, for the console.
    const main = page.getByRole('main');
    const surname = uniqueSurname('Lindqvist');
    await main.getByLabel('Surname').fill(surname);
    await main.getByLabel('First names').fill('Elsa');
    await main.getByLabel('Date of birth').fill('1975-04-03');
    await main.getByLabel('Gender').selectOption({ label: 'Female' });
    await main.getByLabel('Language').selectOption({ label: 'Swedish' });
    // Entered from a signed paper form: the channel and the form's date go with the registration.
    await main.getByLabel('Entered from a paper form the member signed').check();
    await main.getByLabel('Date on the form').fill('2026-11-20');
    await expectAccessible(page, 'register page, from a paper form');
    await main.getByRole('button', { name: 'Register' }).click();
    await main.getByRole('button', { name: 'Edit' }).waitFor();
    const n = /\/member\/(\d{10})$/.exec(page.url())![1]!;
    expect((await call(api, 'GET', `/members/${n}`, { as: CUSTOMER_SERVICE })).body).toMatchObject({
      gender: 'female',
      language: 'sv',
      channel: 'paper',
      formDate: '2026-11-20',
    });
    await main.getByText('Joined through: paper form').waitFor();
    await main
      .getByRole('definition')
      .filter({ hasText: /^Swedish/ })
      .waitFor();

    await main.getByRole('button', { name: 'Edit' }).click();
    await main.getByLabel('Date of birth').fill('1975-03-04');
    await main.getByLabel('Language').selectOption({ label: 'Finnish' });
    await expectAccessible(page, 'member page, correcting the date of birth');
    await main.getByRole('button', { name: 'Save' }).click();
    // No reason: refused at the reason's field, nothing saved.
    const reason = main.getByLabel('Why the date of birth is corrected');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    await reason.selectOption({ label: 'Checked from an identity document' });
    await main.getByRole('button', { name: 'Save' }).click();
    await main.getByText('Saved.', { exact: true }).waitFor();
    const stored = (await call(api, 'GET', `/members/${n}`, { as: CUSTOMER_SERVICE })).body;
    expect(stored).toMatchObject({ birthDate: '1975-03-04', language: 'fi', gender: 'female' });
    const trail = (await call(api, 'GET', `/members/${n}/audit`, { as: { role: 'admin' } })).body.entries as {
      action: string;
      reason?: string;
    }[];
    expect(trail).toContainEqual(expect.objectContaining({ action: 'correct', reason: 'identity-document' }));
    expect(pageProblems(page)).toEqual([]);
  });

  it('agrees a name on card for an order waiting because the name cannot be embossed', async () => {
    const { customerNumber: n } = await aMember({ surname: '王', firstNames: '小明' });
    await call(api, 'PUT', `/members/${n}/card`, { as: CUSTOMER_SERVICE, body: { type: 'CASH_CARD' } });
    const page = await newPage(browser);
    await signIn(page, api.url, 'customer-service');
    await page.getByRole('link', { name: 'Work queues' }).click();
    await page.getByRole('link', { name: 'Card orders waiting' }).click();
    const row = page.getByRole('row').filter({ hasText: n });
    await row.getByText('Name cannot be embossed: agree a name on card').waitFor();
    await expectAccessible(page, 'card orders waiting');
    await row.getByRole('link', { name: 'Card' }).click();

    const main = page.getByRole('main');
    await main.getByLabel('Name on card').fill('wang xiaoming-');
    await main.getByRole('button', { name: 'Agree the name on card' }).click();
    // The manufacturer's rule, told at the field.
    await expect.poll(() => main.getByLabel('Name on card').getAttribute('aria-invalid')).toBe('true');
    await main.getByLabel('Name on card').fill('wang xiaoming');
    await main.getByRole('button', { name: 'Agree the name on card' }).click();
    await main
      .getByRole('definition')
      .filter({ hasText: /^WANG XIAOMING$/ })
      .waitFor();
    await expectAccessible(page, 'member page, name on card agreed');
    const stored = (await call(api, 'GET', `/members/${n}`, { as: CUSTOMER_SERVICE })).body;
    expect(stored.card).toMatchObject({ status: 'ORDERED', agreedNameOnCard: 'WANG XIAOMING' });

    await page.getByRole('link', { name: 'Work queues' }).click();
    await page.getByRole('link', { name: 'Card orders waiting' }).click();
    await page.getByText('Nothing waiting.').waitFor();
    expect(await page.getByRole('row').filter({ hasText: n }).count()).toBe(0);
    expect(pageProblems(page)).toEqual([]);
  });

  it('prints the paper joining form in Swedish, accessible and within its policy', async () => {
    const page = await newPage(browser);
    await page.goto(`${api.url}/paper-form?lang=sv`);
    await page.getByRole('heading', { name: 'Anslutningsblankett: Moymores stamkundsregister' }).waitFor();
    await expectAccessible(page, 'paper joining form');
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows a change someone else saved meanwhile, and re-applies or discards, never overwriting', async () => {
    const member = await aMember({ surname: uniqueSurname('Heikkinen') });
    const [first, second] = [await newPage(browser), await newPage(browser)];
    for (const page of [first, second]) {
      await signIn(page, api.url, 'customer-service');
      await page.goto(`${api.url}/member/${member.customerNumber}`);
      await page.getByRole('button', { name: 'Edit' }).click();
    }
    await first.getByLabel('Street address').fill('Ensimmäinen tie 1');
    await first.getByRole('button', { name: 'Save' }).click();
    await first.getByText('Saved.', { exact: true }).waitFor();

    await second.getByLabel('Mobile').fill('050 123 4567');
    await second.getByRole('button', { name: 'Save' }).click();
    const conflict = second.getByRole('alert').filter({ hasText: 'Someone else changed this member' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Ensimmäinen tie 1');
    await expectAccessible(second, 'conflict');

    await second.getByRole('button', { name: 'Re-apply my changes' }).click();
    await second.getByText('Saved.', { exact: true }).waitFor();
    const stored = (await call(api, 'GET', `/members/${member.customerNumber}`, { as: CUSTOMER_SERVICE }))
      .body;
    expect(stored.streetAddress).toBe('Ensimmäinen tie 1');
    expect(stored.mobile).toBe('+358501234567');

    // Again, from fresh pages, and this time the second user lets their change go.
    await first.reload();
    await first.getByRole('button', { name: 'Edit' }).click();
    await second.getByRole('button', { name: 'Edit' }).click();
    await first.getByLabel('Email').fill(`first.${Date.now()}@example.fi`);
    await first.getByRole('button', { name: 'Save' }).click();
    await first.getByText('Saved.', { exact: true }).waitFor();
    await second.getByLabel('Street address').fill('Toinen tie 2');
    await second.getByRole('button', { name: 'Save' }).click();
    await conflict.waitFor();
    await second.getByRole('button', { name: 'Discard my changes' }).click();
    await second.getByRole('button', { name: 'Edit' }).waitFor();
    const after = (await call(api, 'GET', `/members/${member.customerNumber}`, { as: CUSTOMER_SERVICE }))
      .body;
    expect(after.streetAddress).toBe('Ensimmäinen tie 1');
    expect(after.email).toMatch(/^first\./);
  });

  it('signs out: the session is gone, and the console asks to sign in again', async () => {
    const page = await newPage(browser);
    await signIn(page, api.url, 'customer-service');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await expectAccessible(page, 'signed out');
    // The provider's session ended too: a link into the console asks who you are again.
    await page.goto(`${api.url}/new-member`);
    await page.getByLabel('Role').waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await expectAccessible(page, 'sign-in page');
  });

  it('ends a session whose ID token has expired, and signs in again from there', async () => {
    const shortLived = await startTestApi({ idTokenTtlSeconds: 4 });
    try {
      const page = await newPage(browser);
      await signIn(page, shortLived.url, 'customer-service');
      await page.getByText('Your session has ended. Sign in again to go on.').waitFor({ timeout: 15_000 });
      expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
      await expectAccessible(page, 'session ended');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
    } finally {
      await shortLived.stop();
    }
  });

  it('tells a role that may not see a page so, and offers no way to it', async () => {
    const page = await newPage(browser);
    await signIn(page, api.url, 'marketing');
    expect(await page.getByRole('link', { name: 'Register a member' }).count()).toBe(0);
    // A link straight to the page: the session lasts, the role still may not.
    await page.goto(`${api.url}/new-member`);
    await page.getByText('Your role may not see this page.').waitFor();
  });

  it('speaks Finnish to a Finnish browser, and remembers the user’s choice', async () => {
    const page = await newPage(browser, { locale: 'fi-FI' });
    await page.goto(api.url + '/');
    await page.getByLabel('Role').selectOption('customer-service');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Kirjaudu ulos' }).waitFor();
    await page.getByLabel('Hae jäseniä').waitFor();
    await page.getByLabel('Kieli').selectOption('en');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.reload();
    await page.getByLabel('Search members').waitFor();
  });
});
