import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { LocalApi } from '../../infra/local/register.ts';
import { aRegistration, CUSTOMER_SERVICE } from '../support/fixtures.ts';
import { call } from '../support/local-api.ts';
import { consoleForThisFile, expectAccessible, newPage, pageProblems, signIn } from '../support/browser.ts';

let api: LocalApi;
let browser: Browser;
consoleForThisFile((started) => ({ api, browser } = started));

describe('the admin’s staff accounts in the console', () => {
  it('invites a customer-service person, who signs in and works; disabled, they cannot sign in', async () => {
    const member = (await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration() }))
      .body;
    const email = `aino.${Date.now()}@moymore.example`;
    const admin = await newPage(browser);
    await signIn(admin, api.url, 'admin');
    await admin.getByRole('link', { name: 'Staff accounts' }).click();
    const invite = admin.getByRole('region', { name: 'Invite a person' });
    await invite.getByLabel('Email').fill(email);
    await invite.getByLabel('Customer service').check();
    await expectAccessible(admin, 'staff accounts, inviting');
    await invite.getByRole('button', { name: 'Invite' }).click();
    await invite.getByText('Invited: the invitation went by email.').waitFor();
    const row = admin
      .getByRole('region', { name: 'Staff accounts' })
      .getByRole('row')
      .filter({ hasText: email });
    await row.getByText('Customer service').waitFor();

    // The invited person signs in with their email and has customer service's pages, and only those.
    const person = await newPage(browser);
    await signIn(person, api.url, 'customer-service', { email });
    await person.getByLabel('Search members').fill(member.customerNumber);
    await person.getByRole('button', { name: 'Search', exact: true }).click();
    await person.getByRole('heading', { name: new RegExp(member.surname) }).waitFor();
    expect(await person.getByRole('link', { name: 'Staff accounts' }).count()).toBe(0);

    // The review shows the sign-in and who granted the group.
    await admin.reload();
    const reviewed = admin
      .getByRole('region', { name: 'Access review' })
      .getByRole('row')
      .filter({ hasText: email });
    await reviewed.getByText(/Customer service: local-admin/).waitFor();
    expect(await reviewed.getByRole('cell').nth(3).textContent()).not.toBe('—');

    await row.getByRole('button', { name: `Disable: ${email}` }).click();
    await row.getByText('Disabled').waitFor();
    await expectAccessible(admin, 'staff accounts, one disabled');
    const refused = await newPage(browser);
    await refused.goto(api.url + '/');
    await refused.getByLabel('Role').selectOption('customer-service');
    await refused.getByLabel('Or an account’s email').fill(email);
    await refused.getByRole('button', { name: 'Sign in' }).click();
    await refused.getByText('No staff account may sign in with that email.').waitFor();
    expect(pageProblems(admin)).toEqual([]);
  });
});
