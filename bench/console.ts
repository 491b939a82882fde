import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { freePort, LOCAL, localEnvironment, startServices } from '../infra/local/services.ts';
import { CONSOLE_DIR, startLocalApi } from '../infra/local/register.ts';
import { PROJECT_ROOT } from '../infra/bundling.ts';
import { searchMembers } from '../shared/members/search.ts';
import { createDocumentClient } from '../shared/store/dynamo.ts';
import { DynamoMemberSearch } from '../shared/store/dynamo-member-search.ts';
import { memberKey, nameSearchIndex } from '../shared/store/keys.ts';
import { aRegistration, aStoredMember } from '../test/support/fixtures.ts';
import { call } from '../test/support/local-api.ts';
import { launchChromium, newPage, signIn } from '../test/support/browser.ts';
import { seedItems } from './seed.ts';
import { distinctCustomerNumbers } from '../test/support/seed-members.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The console as `npm run build` makes it: the JavaScript a first load fetches, gzipped. */
export function measureConsoleBundle() {
  const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the console did not build');
  const html = readFileSync(join(CONSOLE_DIR, 'index.html'), 'utf8');
  // What index.html names: the entry script and whatever it preloads.
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = scripts.map((path) => readFileSync(join(CONSOLE_DIR, path)));
  return {
    files: scripts.length,
    kilobytes: bytes.reduce((sum, b) => sum + b.length, 0) / 1024,
    gzipKilobytes: bytes.reduce((sum, b) => sum + gzipSync(b).length, 0) / 1024,
  };
}

/** Common Finnish surnames, most common first: the search's partitions are as uneven as real names. */
const SURNAMES = [
  'Korhonen',
  'Virtanen',
  'Mäkinen',
  'Nieminen',
  'Mäkelä',
  'Hämäläinen',
  'Laine',
  'Heikkinen',
  'Koskinen',
  'Järvinen',
  'Lehtonen',
  'Lehtinen',
  'Saarinen',
  'Salminen',
  'Heinonen',
  'Niemi',
  'Heikkilä',
  'Kinnunen',
  'Salonen',
  'Turunen',
  'Salo',
  'Laitinen',
  'Tuominen',
  'Rantanen',
  'Karjalainen',
  'Jokinen',
  'Mattila',
  'Savolainen',
  'Lahtinen',
  'Ahonen',
  'Åberg',
  'Öhman',
  'Ström',
  'Lindqvist',
  'Virta',
  'Virtala',
];
const FIRST_NAMES = [
  'Juhani',
  'Matti',
  'Mikko',
  'Timo',
  'Kari',
  'Maria',
  'Helena',
  'Johanna',
  'Anneli',
  'Kaarina',
  'Aino',
  'Eero',
  'Liisa',
  'Pekka',
  'Sanna',
  'Åsa',
  'Ülle',
  'Élise',
];
const POSTAL_CODES = [
  '00100',
  '00500',
  '02100',
  '33100',
  '20100',
  '40100',
  '90100',
  '15100',
  '70100',
  '65100',
];

/**
 * Name search over `count` members: every item DynamoDB evaluates (ScannedCount, filtered or not) is a
 * read, and a hit is a member the search answers with. Searches of each kind, over every surname.
 */
export async function measureNameSearch(count: number) {
  const services = await startServices({ dynamoPort: await freePort(), s3Port: await freePort() });
  try {
    Object.assign(process.env, localEnvironment(services));
    const numbers = distinctCustomerNumbers(count);
    const members = numbers.map((n, i) => {
      // Zipf-like: the first surnames hold most members.
      const surname = SURNAMES[Math.floor(SURNAMES.length * (i / count) ** 2)]!;
      const firstNames = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${FIRST_NAMES[(i * 7) % FIRST_NAMES.length]}`;
      const birthDate = `19${40 + (i % 60)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      return {
        ...aStoredMember(n),
        surname,
        firstNames,
        birthDate,
        postalCode: POSTAL_CODES[i % POSTAL_CODES.length],
      };
    });
    await seedItems(
      createDocumentClient(new DynamoDBClient({})),
      members.map((m) => ({
        ...memberKey(m.customerNumber),
        ...nameSearchIndex(m),
        type: 'member',
        ...m,
      })),
    );
    let scanned = 0;
    const raw = new DynamoDBClient({});
    raw.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        scanned += (result.output as { ScannedCount?: number }).ScannedCount ?? 0;
        return result;
      },
      { step: 'initialize', name: 'benchScannedCounter' },
    );
    const store = new DynamoMemberSearch(createDocumentClient(raw), LOCAL.tableName);
    const caller = { actor: 'bench', role: 'customer-service', via: 'bench', requestId: 'bench' } as const;
    const kinds: Record<string, (surname: string, i: number) => Record<string, string>> = {
      'surname, first three letters': (s) => ({ surname: s.slice(0, 3) }),
      'whole surname': (s) => ({ surname: s }),
      'surname and first name': (s, i) => ({ surname: s, firstName: FIRST_NAMES[i % FIRST_NAMES.length]! }),
      'surname and postal code': (s, i) => ({
        surname: s,
        postalCode: POSTAL_CODES[i % POSTAL_CODES.length]!,
      }),
      'surname and birth date': (s, i) => ({ surname: s, birthDate: members[i * 17]!.birthDate }),
    };
    const figures = [];
    for (const [kind, queryOf] of Object.entries(kinds)) {
      let hits = 0;
      let worst = 0;
      scanned = 0;
      const start = performance.now();
      for (const [i, surname] of SURNAMES.entries()) {
        const before = scanned;
        const page = await searchMembers(caller, queryOf(surname, i) as never, store);
        hits += page.members.length;
        if (page.members.length) worst = Math.max(worst, (scanned - before) / page.members.length);
      }
      figures.push({
        kind,
        searches: SURNAMES.length,
        hits,
        itemsPerHit: scanned / Math.max(1, hits),
        worstItemsPerHit: worst,
        msPerSearch: (performance.now() - start) / SURNAMES.length,
      });
    }
    return { members: count, figures };
  } finally {
    await services.stop();
  }
}

/**
 * A member's page in Chromium on the local stack: from the click on a search result to the member's
 * data on screen (the console's own navigation), ten times; and a fresh load of the page's address,
 * which signs in again on the way (tokens live in memory only).
 */
export async function measureMemberPage(rounds = 10) {
  const services = await startServices({ dynamoPort: await freePort(), s3Port: await freePort() });
  const api = await startLocalApi({
    services,
    port: 0,
    keyFile: join(mkdtempSync(join(tmpdir(), 'moymore-bench-')), 'key.json'),
  });
  const browser = await launchChromium();
  try {
    const staff = { role: 'customer-service' } as const;
    const member = (
      await call(api, 'POST', '/members', { as: staff, body: aRegistration({ surname: 'Mittari' }) })
    ).body as { customerNumber: string };
    const page = await newPage(browser);
    await signIn(page, api.url, 'customer-service');
    const clicks: number[] = [];
    const loads: number[] = [];
    const shown = () => page.getByRole('heading', { name: 'Personal data' }).waitFor();
    for (let round = 0; round < rounds; round++) {
      await page.goto(`${api.url}/?q=Mittari`);
      const link = page.getByRole('link', { name: /Mittari/ });
      await link.waitFor();
      const start = performance.now();
      await link.click();
      await shown();
      clicks.push(performance.now() - start);
    }
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      await page.goto(`${api.url}/member/${member.customerNumber}`);
      await shown();
      loads.push(performance.now() - start);
    }
    return { rounds, clickMs: median(clicks), loadMs: median(loads) };
  } finally {
    await browser.close();
    await api.stop();
    await services.stop();
  }
}

const ok = (pass: boolean) => (pass ? 'yes' : '**NO**');

export interface ConsoleFigures {
  bundle: ReturnType<typeof measureConsoleBundle>;
  page: Awaited<ReturnType<typeof measureMemberPage>>;
  search: Awaited<ReturnType<typeof measureNameSearch>>;
}

export function consoleSection({ bundle, page, search }: ConsoleFigures): string {
  const searchRows = search.figures.map(
    (f) =>
      `| ${f.kind} | ${f.searches} | ${f.hits} | ${f.itemsPerHit.toFixed(2)} | ${f.worstItemsPerHit.toFixed(2)} | ${ok(f.itemsPerHit <= 2)} | ${f.msPerSearch.toFixed(1)} |`,
  );
  return `## The console and the name search

The console built by \`npm run build\`; the page measured in Debian's Chromium (headless, playwright-core)
against the local stack (DynamoDB Local, the local front door), ${page.rounds} rounds each, medians. The
click is timed from the click on a search result until the member's data is on screen; the fresh load
from \`goto\` of the member's address until the same, a sign-in round trip to the local provider included
(tokens are kept in memory only, so a new page signs in again).

| measure | figure | target | met |
| --- | ---: | --- | --- |
| JavaScript of the first load, gzipped (${bundle.files} file${bundle.files === 1 ? '' : 's'}, ${bundle.kilobytes.toFixed(0)} KB minified) | ${bundle.gzipKilobytes.toFixed(1)} KB | ≤ 150 KB | ${ok(bundle.gzipKilobytes <= 150)} |
| a member's page after a click on a search result | ${page.clickMs.toFixed(0)} ms | ≤ 300 ms | ${ok(page.clickMs <= 300)} |
| a member's page loaded afresh (sign-in round trip included) | ${page.loadMs.toFixed(0)} ms | | |

Name search over ${search.members} members (${SURNAMES.length} common surnames, the first ones far the most
common, with å, ä, ö among them), one search of each kind per surname through the domain call and the
store. Items read are what DynamoDB evaluates (ScannedCount, filtered items included); hits what the search answers
(a page of at most 20). The search's own log entry is one write per search and is not counted.

| search | searches | hits | items read per hit | worst search | ≤ 2 | ms per search |
| --- | ---: | ---: | ---: | ---: | --- | ---: |
${searchRows.join('\n')}
`;
}

/** The console's bundle, its member page in Chromium, and the name search over many members. */
export async function measureConsole() {
  const bundle = measureConsoleBundle();
  const page = await measureMemberPage();
  const search = await measureNameSearch(Number(process.env.BENCH_SEARCH_MEMBERS ?? 20_000));
  return consoleSection({ bundle, page, search });
}
