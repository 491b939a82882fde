import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { startTestApi } from './local-api.ts';

/** Debian's Chromium (the `chromium` package); Playwright's own browser download is not used. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Root in CI needs --no-sandbox; the rest keeps Chromium off a network that is closed here.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh browser profile whose language is English unless the test says otherwise. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', ...options });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  // Any script the CSP blocks, or any error the page throws, fails the test that caused it.
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      problems.push(message.text());
  });
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

export const pageProblems = (page: Page) => (page as Page & { problems?: string[] }).problems ?? [];

/**
 * Signs in through the local provider's page, as a person would: Role, Customer number (or, for a
 * member's own account, the email it signed up with), Sign in.
 */
export async function signIn(
  page: Page,
  origin: string,
  role: string,
  member: { customerNumber?: string; email?: string } = {},
) {
  await page.goto(origin + '/');
  await page.getByLabel('Role').selectOption(role);
  if (member.customerNumber) await page.getByLabel('Customer number').fill(member.customerNumber);
  if (member.email) await page.getByLabel('Or an account’s email').fill(member.email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core on the page as it stands: no serious or critical violation. Injected through the DevTools
 * protocol, which the page's CSP does not govern (the CSP allows no inline script, rightly).
 */
export async function expectAccessible(page: Page, what: string) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, what).toEqual([]);
}

/**
 * This test file's own local register and Chromium, started before its tests and stopped after
 * them: `use` receives both, once they run.
 */
export function consoleForThisFile(use: (started: { api: LocalApi; browser: Browser }) => void) {
  let started: { api: LocalApi; browser: Browser } | undefined;
  beforeAll(async () => {
    const [api, browser] = await Promise.all([startTestApi(), launchChromium()]);
    started = { api, browser };
    use(started);
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.api.stop();
  });
}
